using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFlow.Client;
using PlatformFlow.Client.Lookup;
using PlatformFlow.Client.Relations;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow
{
    /// <summary>Base of every cmdlet that calls the platform: <c>-Context</c> chooses the signed-in context.</summary>
    public abstract class PlatformCmdlet : AsyncCmdlet
    {
        /// <summary>The parameter set of a cmdlet that takes one resource by -Id.</summary>
        protected const string ByIdSet = "ById";

        /// <summary>The parameter set of a cmdlet that finds resources by -Name.</summary>
        protected const string ByNameSet = "ByName";

        /// <summary>The parameter set of a cmdlet that takes piped objects (-InputObject).</summary>
        protected const string ByInputObjectSet = "ByInputObject";

        private PlatformContext? _activeContext;
        private PlatformOperation? _operation;
        private int _inputsCounted;
        private string? _countedActivity;

        /// <summary>The signed-in context to use instead of the current one (two orgs or sandboxes in one script).</summary>
        [Parameter]
        [ValidateNotNull]
        public PlatformContext? Context { get; set; }

        /// <summary>
        /// The context this call uses: -Context, else the one the piped object was read through, else the current one; a
        /// terminating error when there is none.
        /// </summary>
        protected PlatformContext ActiveContext
        {
            get
            {
                var carried = Context is null ? ObjectContexts.Of(PipedInput) : null;
                var context = Context ?? carried ?? PlatformContexts.Current;
                if (context is null || context.IsDisconnected)
                {
                    var message = carried != null
                        ? "The piped object was read through a context that has since been disconnected. Pass -Context (e.g. -Context (Get-PlatformContext)) to act on it through another one."
                        : "Not connected to the platform. Run Connect-Platform first (Connect-Platform -Emulator for the offline sandbox).";
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "NotConnected", ErrorCategory.ConnectionError, PipedInput));
                }

                return _activeContext = context!;
            }
        }

        protected override PlatformContext? OutputContext => _activeContext;

        /// <summary>The object piped to this call, when the cmdlet takes whole objects; its context is the default one.</summary>
        protected virtual PSObject? PipedInput => null;

        /// <summary>The piped object when it is the very <paramref name="kind"/> object with <paramref name="id"/>: a change updates it in place.</summary>
        protected FlowServiceResource? PipedResource(ResourceKind kind, string id) =>
            PipedInput?.BaseObject is FlowServiceResource piped && RelatedResources.KindOf(piped) == kind && piped.Id == id ? piped : null;

        /// <summary>
        /// The cmdlet's operation for the active context: made once, and again only when the context changes (piped objects read
        /// through another sandbox), so per-context caches stay valid.
        /// </summary>
        protected T OperationFor<T>(Func<PlatformClient, T> create)
            where T : PlatformOperation
        {
            var client = ActiveContext.Client;
            if (_operation is not T cached || !ReferenceEquals(cached.Client, client))
            {
                cached = create(client);
                _operation = cached;
            }

            return cached;
        }

        /// <summary>
        /// Bulk work through the pipeline: counts this input and shows the count with Write-Progress (the total is not
        /// known while the pipeline streams). The progress bar is closed when the command ends.
        /// </summary>
        protected void CountInput(string activity, object? input)
        {
            _countedActivity = activity;
            _inputsCounted++;
            var shown = input is PSObject piped ? PipelineObjects.ValueOf(piped, "Name") ?? PipelineObjects.ValueOf(piped, "Id") ?? piped.BaseObject : input;
            WriteProgress(new ProgressRecord(CountedActivityId, activity, _inputsCounted + " so far" + (shown is null ? string.Empty : ": " + shown)));
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (_countedActivity != null)
            {
                WriteProgress(new ProgressRecord(CountedActivityId, _countedActivity, _inputsCounted + " done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private int CountedActivityId => (MyInvocation.MyCommand.Name.GetHashCode() & 0x7FFF) + 100;

        /// <summary>
        /// Runs <paramref name="action"/> for the id given, or for each object of <paramref name="kind"/> the piped
        /// input stands for (itself, or the related ones the platform records; see <see cref="RelatedResources"/>). Text
        /// that is not shaped as an id of the kind is taken as an exact name (<see cref="ResourceIds"/>). Input that stands
        /// for none, or for several by one name, is a non-terminating error for that input, and nothing is done for it.
        /// </summary>
        protected void ForEachId(ResourceKind kind, PSObject? input, string? id, Func<IOperationHost, string, Task> action)
        {
            var related = new RelatedIdsOperation(ActiveContext.Client);
            var step = MyInvocation.MyCommand.Name.Replace("-", string.Empty);
            if (input is null)
            {
                Run(host => id is null ? action(host, id!) : related.ForIdAsync(id, kind, step, each => action(host, each), host));
                return;
            }

            var properties = PipelineObjects.TextProperties(input, RelatedResources.PropertyNamesOf(kind).Concat(new[] { "Id" }));
            Run(host => related.ForEachAsync(input.BaseObject, name => properties.TryGetValue(name, out var text) ? text : null, kind, input, step, each => action(host, each), host));
        }

        /// <summary>
        /// Converts one input's values; input that cannot be used is a non-terminating error for that input only, so a bulk
        /// run goes on with the next row.
        /// </summary>
        protected bool TryConvert<T>(Func<T> convert, object? target, out T value)
        {
            try
            {
                value = convert();
                return true;
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "InvalidInput", ErrorCategory.InvalidArgument, target));
                value = default!;
                return false;
            }
        }
    }
}
