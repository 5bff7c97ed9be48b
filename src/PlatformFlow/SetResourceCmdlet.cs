using System.Management.Automation;
using PlatformFlow.Hosting;
using PlatformFlow.Client.Operations;

namespace PlatformFlow
{
    /// <summary>
    /// Base of the Set-* cmdlets: the etag to update against (from the piped object), the name and description, and
    /// -Force to refetch and retry once on a stale etag. Each cmdlet declares its own -Id and aliases.
    /// </summary>
    public abstract class SetResourceCmdlet : PlatformCmdlet
    {
        /// <summary>The etag it was read with (a piped object's Etag); the current one is fetched when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
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

        /// <summary>Fills the members every change has from the bound parameters; <paramref name="force"/> is -Force's value.</summary>
        protected T WithCommonChanges<T>(T change, string id, bool force)
            where T : ResourceChange
        {
            change.Id = id;
            change.Etag = Etag;
            change.Name = Name;
            change.Description = Description;
            change.Force = force;
            change.Target = id;
            return change;
        }
    }
}
