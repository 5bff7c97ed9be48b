using System;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>What an expression runs over: one source row and the clock that <c>now()</c> and <c>timestamp()</c> read.</summary>
    public sealed class ElScope
    {
        public ElScope(JsonObject? row, TimeProvider clock)
        {
            Row = row;
            Clock = clock;
        }

        public JsonObject? Row { get; }

        public TimeProvider Clock { get; }
    }
}
