using System.Management.Automation;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Tests whether the source accepts a base connection's credentials.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "BaseConnection", HelpUri = HelpLinks.Cmdlets + "Test-BaseConnection.md")]
    [OutputType(typeof(BaseConnectionTest), typeof(bool))]
    public sealed class TestBaseConnectionCommand : PlatformCmdlet
    {
        private TestBaseConnectionOperation? _operation;

        /// <summary>The base connection's id; a piped base connection (or anything with BaseConnectionId) binds here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BaseConnectionId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The connection's name, shown in the result (bound from a piped base connection).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? Name { get; set; }

        /// <summary>Write only $true or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void ProcessRecord()
        {
            var operation = _operation ??= new TestBaseConnectionOperation(ActiveContext.Client);
            var input = CreateInput();
            Run(host => operation.RunAsync(input, host));
        }

        /// <summary>The operation's input from the bound parameters (no PowerShell calls: tests use it directly).</summary>
        internal BaseConnectionTestInput CreateInput() => new BaseConnectionTestInput
        {
            Id = Id,
            Name = Name,
            Quiet = Quiet.IsPresent,
            Target = Id,
        };
    }
}
