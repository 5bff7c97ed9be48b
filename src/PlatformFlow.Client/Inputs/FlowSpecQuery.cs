namespace PlatformFlow.Client.Inputs
{
    public sealed class FlowSpecQuery
    {
        /// <summary>The flow spec's name, e.g. <c>CRMToAEP</c>.</summary>
        public string? Name { get; set; }

        public string? Id { get; set; }

        /// <summary>The source's connection spec: with no name or id, the flow spec that accepts it is picked.</summary>
        public string? ConnectionSpecId { get; set; }

        public PipelineIds Carried { get; set; } = new PipelineIds();

        /// <summary>True when this came through a pipeline (pass the ids on); false for a plain listing.</summary>
        public bool FromPipeline { get; set; }

        public object? Target { get; set; }
    }
}
