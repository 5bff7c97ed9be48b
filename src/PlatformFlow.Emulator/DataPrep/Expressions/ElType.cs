namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>What an expression is known to produce before it runs: enough to catch a type mismatch with its destination.</summary>
    public enum ElType
    {
        Any,
        Null,
        String,
        Boolean,
        Integer,
        Number,
        Date,
        Array,
        Object,
    }
}
