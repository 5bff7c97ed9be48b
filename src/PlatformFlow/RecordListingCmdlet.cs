using System;
using System.Threading.Tasks;
using PlatformFlow.Client.Relations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the cmdlets that list records (Get-FailedRecord, Get-DatasetRecord): of what an id names, or of each piped
    /// object, a batch by its own id and anything else by the id of the kind it stands for; -First keeps the first few.
    /// </summary>
    public abstract class RecordListingCmdlet : PlatformCmdlet
    {
        /// <summary>A piped object: a batch, or one that stands for the kind the cmdlet reads records of, or an id as a string.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>At most this many records of each input.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? First { get; set; }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>
        /// Runs <paramref name="read"/> with (<paramref name="id"/>, <paramref name="batchId"/>) when nothing is piped (an
        /// <paramref name="id"/> of <paramref name="kind"/> may be a name: <see cref="PlatformCmdlet.ForEachId"/>); else,
        /// for a piped object that <paramref name="namesBatch"/>, with each batch id it stands for, and for any other, with
        /// each id of <paramref name="kind"/> it stands for.
        /// </summary>
        protected void ReadRecords(ResourceKind kind, Func<object, bool> namesBatch, string? id, string? batchId, Func<IOperationHost, string?, string?, Task> read)
        {
            if (InputObject is null && id != null)
            {
                ForEachId(kind, null, id, (host, each) => read(host, each, batchId));
            }
            else if (InputObject is null)
            {
                Run(host => read(host, id, batchId));
            }
            else if (namesBatch(InputObject.BaseObject))
            {
                ForEachId(ResourceKind.Batch, InputObject, null, (host, each) => read(host, null, each));
            }
            else
            {
                ForEachId(kind, InputObject, null, (host, each) => read(host, each, null));
            }
        }
    }
}
