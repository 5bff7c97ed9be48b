using System;
using System.Collections.Generic;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.FlowsAsCode
{
    /// <summary>
    /// One dataflow as code (format 1, <c>docs/schemas/dataflow-definition.schema.json</c>): every reference to another
    /// resource is by name, so the same definition applies to any sandbox; nothing secret is in it.
    /// </summary>
    public sealed class DataflowDefinition
    {
        public const int CurrentFormatVersion = 1;

        /// <summary>The flow's name: how a definition finds its flow in a sandbox.</summary>
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The flow spec's name, e.g. <c>CRMToAEP</c>.</summary>
        public string FlowSpec { get; init; } = string.Empty;

        /// <summary>Null for a flow of a streaming flow spec (no <c>scheduleSpec</c>): it runs as records arrive.</summary>
        public ScheduleDefinition? Schedule { get; init; } = new ScheduleDefinition();

        public SourceDefinition Source { get; init; } = new SourceDefinition();

        public TargetDefinition Target { get; init; } = new TargetDefinition();

        /// <summary>Null for a flow without a Mapping transformation.</summary>
        public MappingSetDefinition? MappingSet { get; init; }
    }

    public sealed class ScheduleDefinition
    {
        /// <summary><c>once</c>, <c>minute</c>, <c>hour</c>, <c>day</c> or <c>week</c>.</summary>
        public string Frequency { get; init; } = "once";

        public int? Interval { get; init; }

        public bool? Backfill { get; init; }

        /// <summary>Null: a new flow starts now, an existing one keeps its start.</summary>
        public DateTimeOffset? StartTime { get; init; }
    }

    public sealed class SourceDefinition
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The connection spec's name, e.g. <c>shopify</c>.</summary>
        public string ConnectionSpec { get; init; } = string.Empty;

        /// <summary>The base connection's name; null for a source whose spec needs none.</summary>
        public string? BaseConnection { get; init; }

        /// <summary><c>tabular</c>, <c>delimited</c>, <c>json</c> or <c>parquet</c>.</summary>
        public string Format { get; init; } = "tabular";

        /// <summary>A table source's table; a file source has <see cref="Path"/>, a streaming source neither.</summary>
        public string? TableName { get; init; }

        public string? Path { get; init; }

        /// <summary>A delimited file's column delimiter (<c>data.properties.columnDelimiter</c>); null: the platform's comma.</summary>
        public string? ColumnDelimiter { get; init; }

        /// <summary>A file's compression (<c>data.properties.compressionType</c>, e.g. <c>gzip</c>); null: not compressed.</summary>
        public string? Compression { get; init; }

        /// <summary>In the order the source connection reads them; null when it names none.</summary>
        public IReadOnlyList<SourceColumn>? Columns { get; init; }
    }

    public sealed class TargetDefinition
    {
        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        /// <summary>The connection spec's name, e.g. <c>DataLake</c>.</summary>
        public string ConnectionSpec { get; init; } = string.Empty;

        /// <summary><c>data.format</c>, e.g. <c>parquet_xdm</c>.</summary>
        public string Format { get; init; } = "parquet_xdm";

        /// <summary>The dataset's name.</summary>
        public string Dataset { get; init; } = string.Empty;

        /// <summary>The XDM schema's title.</summary>
        public string Schema { get; init; } = string.Empty;
    }

    /// <summary>The mappings of the flow's mapping set; its output schema is the target's schema.</summary>
    public sealed class MappingSetDefinition
    {
        /// <summary>Every mapping, calculated ones (<c>EXPRESSION</c>) included, kept as data.</summary>
        public IReadOnlyList<Mapping> Mappings { get; init; } = Array.Empty<Mapping>();
    }
}
