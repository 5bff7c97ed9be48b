namespace PlatformFlow.Client.Models
{
    /// <summary>
    /// An object that carries rows of records (a table's or a file's sample rows, the records a planned mapping set makes of
    /// them), each a dictionary of plain values (nested rows nested the same way). The cmdlet host replaces each
    /// row with a PowerShell object of one property per column before the object is written, so rows print as tables and
    /// export to CSV and JSON as they read.
    /// </summary>
    public interface IRecordRows
    {
        IReadOnlyList<object>? Preview { get; set; }
    }
}
