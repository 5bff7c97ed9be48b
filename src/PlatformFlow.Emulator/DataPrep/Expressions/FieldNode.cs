using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PlatformFlow.Emulator.DataPrep.Expressions
{
    /// <summary>A source field: <c>Email</c>, <c>name.firstName</c>, <c>${First Name}</c>, <c>${address\.line1}</c>.</summary>
    internal sealed class FieldNode : ExpressionNode
    {
        public FieldNode(IReadOnlyList<string> segments, int position)
            : base(position)
        {
            Segments = segments;
        }

        /// <summary>The path from the row's top level down; a segment may itself contain a dot when it was escaped.</summary>
        public IReadOnlyList<string> Segments { get; }

        /// <summary>The path as the mapping's source and the validation messages write it.</summary>
        public string Path => string.Join(".", Segments);

        public FieldNode Child(string name) => new FieldNode(new List<string>(Segments) { name }, Position);

        public override object? Evaluate(ElScope scope) => ElValues.FromJson(Lookup(scope.Row, Segments));

        public override ElType InferType(Func<IReadOnlyList<string>, ElType> fieldType) => fieldType(Segments);

        /// <summary>The value at <paramref name="segments"/> under <paramref name="row"/>; a flat column named with the dotted path counts too.</summary>
        public static JsonNode? Lookup(JsonObject? row, IReadOnlyList<string> segments)
        {
            if (row is null)
            {
                return null;
            }

            if (segments.Count > 1 && row.TryGetPropertyValue(string.Join(".", segments), out var flat))
            {
                return flat;
            }

            JsonNode? current = row;
            foreach (var segment in segments)
            {
                if (!(current is JsonObject obj) || !obj.TryGetPropertyValue(segment, out current))
                {
                    return null;
                }
            }

            return current;
        }

        public static bool Exists(JsonObject? row, IReadOnlyList<string> segments)
        {
            if (row is null)
            {
                return false;
            }

            if (segments.Count > 1 && row.ContainsKey(string.Join(".", segments)))
            {
                return true;
            }

            JsonNode? current = row;
            foreach (var segment in segments)
            {
                if (!(current is JsonObject obj) || !obj.TryGetPropertyValue(segment, out current))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
