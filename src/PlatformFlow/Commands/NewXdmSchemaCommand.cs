using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a tenant XDM schema from a class and field groups (the dataflow's target schema).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "XdmSchema", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-XdmSchema.md")]
    [OutputType(typeof(XdmSchema))]
    public sealed class NewXdmSchemaCommand : PlatformCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        /// <summary>The XDM class: profile, experienceevent, ... or a class URI.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(XdmClassCompleter))]
        public string Class { get; set; } = string.Empty;

        /// <summary>Field groups: profile-person-details, profile-personal-details, ... or URIs.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FieldGroups", "Mixin")]
        [ArgumentCompleter(typeof(XdmFieldGroupCompleter))]
        public string[] FieldGroup { get; set; } = System.Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewXdmSchemaOperation(client));
            var input = new XdmSchemaInput { Title = Title, Class = Class, FieldGroups = FieldGroup, Description = Description };
            Run(host => operation.RunAsync(input, host));
        }
    }
}
