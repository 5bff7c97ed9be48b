using System;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>What an expression runs over: one source row and the clock that <c>now()</c> and <c>timestamp()</c> read.</summary>
    public sealed class ElScope(JsonObject? row, TimeProvider clock)
    {
        public JsonObject? Row { get; } = row;

        public TimeProvider Clock { get; } = clock;
    }
}
