using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Set-* cmdlets: the etag to update against (from the piped object), the name and description, and
    /// -Force to refetch and retry once on a stale etag, and -PassThru to write the changed object (nothing is written
    /// without it; a piped object takes on the change either way). Each cmdlet declares its own -Id and aliases.
    /// </summary>
    public abstract class SetResourceCmdlet : BulkCmdlet
    {
        /// <summary>
        /// A piped object: one of this kind (its etag is used), or one related to it (e.g. a flow piped to
        /// Set-SourceConnection changes the flow's source connection), or an id as a string.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>The etag it was read with; a piped object's own etag when omitted, else the current one is fetched.</summary>
        [Parameter]
        public string? Etag { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>When someone else changed it since it was read, read it again and retry once.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the changed object; nothing is written otherwise. A piped object is updated in place either way.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The kind of object this cmdlet changes.</summary>
        protected abstract ResourceKind Kind { get; }

        protected override PSObject? PipedInput => InputObject;

        /// <summary>Fills the members every change has from the bound parameters; <paramref name="force"/> is -Force's value.</summary>
        protected T WithCommonChanges<T>(T change, string id, bool force)
            where T : ResourceChange
        {
            change.Id = id;
            change.Held = PipedResource(Kind, id);
            change.Etag = Etag ?? change.Held?.Etag;
            change.Name = Name;
            change.Description = Description;
            change.Force = force;
            change.Target = id;
            change.PassThru = PassThru;
            return change;
        }
    }
}
