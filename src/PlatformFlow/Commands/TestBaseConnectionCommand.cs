using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Tests whether the source accepts a base connection's credentials.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BaseConnection", DefaultParameterSetName = ByIdSet, HelpUri = HelpLinks.Cmdlets + "Test-BaseConnection.md")]
    [OutputType(typeof(BaseConnectionTest), typeof(bool))]
    public sealed class TestBaseConnectionCommand : PlatformCmdlet
    {
        /// <summary>The base connection's id; a bare id piped by value binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [Alias("BaseConnectionId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceIdCompleter))]
        [ValidateIdLength]
        public string Id { get; set; } = string.Empty;

        /// <summary>A piped object: a base connection, or anything that uses one (a source connection, a flow, a row with BaseConnectionId).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByInputObjectSet)]
        public PSObject? InputObject { get; set; }

        /// <summary>Write only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override PSObject? PipedInput => InputObject;

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new TestBaseConnectionOperation(client));
            var name = InputObject?.BaseObject is BaseConnection piped ? piped.Name : null;
            ForEachId(ResourceKind.BaseConnection, InputObject, Id, (host, id) => operation.RunAsync(CreateInput(id, name), host));
        }

        /// <summary>The operation's input for one base connection (no PowerShell calls: tests use it directly).</summary>
        internal BaseConnectionTestInput CreateInput(string id, string? name) => new BaseConnectionTestInput
        {
            Id = id,
            Name = name,
            Quiet = Quiet.IsPresent,
            Target = (object?)InputObject ?? id,
        };
    }
}
