using System.Collections;
using PlatformFlow.Client.Inputs;

namespace PlatformFlow.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a base connection: the authenticated link to a source system, e.g. a Shopify shop.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "BaseConnection", SupportsShouldProcess = true, HelpUri = HelpLinks.Cmdlets + "New-BaseConnection.md")]
    [OutputType(typeof(BaseConnection))]
    public sealed class NewBaseConnectionCommand : PlatformCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TrimmedName]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The connection spec: a name such as Shopify, or its id.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionSpecId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionSpecNameCompleter))]
        public string ConnectionSpec { get; set; } = string.Empty;

        /// <summary>Auth parameters, e.g. @{ host = 'shop.example'; accessToken = $token }. Use SecureString values for secrets.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Parameters", "Auth")]
        public Hashtable Parameter { get; set; } = new Hashtable();

        /// <summary>The auth spec name; the connection spec's first one by default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? AuthSpecName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var operation = OperationFor(client => new NewBaseConnectionOperation(client));
            var input = new BaseConnectionInput
            {
                Name = Name,
                ConnectionSpec = ConnectionSpec,
                AuthSpecName = AuthSpecName,
                Parameters = InputConversion.AuthParameters(Parameter),
                Description = Description,
            };
            Run(host => operation.RunAsync(input, host));
        }
    }
}
