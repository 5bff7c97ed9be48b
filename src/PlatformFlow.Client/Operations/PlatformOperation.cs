namespace PlatformFlow.Client.Operations
{
    /// <summary>Base of the cmdlets' logic: the context's client, and one failure per input reported without stopping the rest.</summary>
    public abstract class PlatformOperation
    {
        /// <summary>Objects a listing writes between waits for the consumer: a few pages' worth at most.</summary>
        protected const int HoldBackEvery = 200;

        /// <param name="clock">The clock for "now" and waits; the client's when null (tests pass a manual one).</param>
        protected PlatformOperation(PlatformClient client, TimeProvider? clock = null)
        {
            Client = client;
            Clock = clock ?? client.Options.Clock;
        }

        /// <summary>The client of the context this operation works through.</summary>
        public PlatformClient Client { get; }

        protected TimeProvider Clock { get; }

        /// <summary>
        /// Reads a resource the caller named by id: an id longer than any id is refused unsent, and the platform's 404
        /// becomes the <see cref="ResourceNotFoundException"/> naming the kind (model name, e.g. <c>Dataflow</c>), the id
        /// and the sandbox, and how to find it by name.
        /// </summary>
        protected async Task<T> GetByIdAsync<T>(string kind, string id, Func<Task<T>> get)
        {
            if (Shared.IdShapes.LengthProblem(id) is string tooLong)
            {
                throw new Errors.PlatformValidationException(kind + " id", tooLong);
            }

            try
            {
                return await get().ConfigureAwait(false);
            }
            catch (Errors.PlatformException missing) when (missing.StatusCode == 404)
            {
                throw Errors.ResourceNotFoundException.ForId(kind, Errors.ResourceNotFoundException.Words(kind), id, Client.Settings.Sandbox, CmdletTerms.FindByName(kind));
            }
        }

        /// <summary>
        /// Runs the work for one input. A failure becomes a non-terminating error naming the input, and the caller goes on
        /// with the next input; only cancellation (Ctrl+C) stops everything.
        /// </summary>
        protected static async Task ForInputAsync(IOperationHost host, object? target, string? subject, string step, Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (host.Cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Errors.PlatformValidationException invalid)
            {
                foreach (var each in invalid.Each())
                {
                    host.WriteError(OperationError.From(each, target, step, subject));
                }
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                host.WriteError(OperationError.From(ex, target, step, subject));
            }
        }

        /// <summary>
        /// Asks, then creates (and returns the platform's answer) or, under -WhatIf, returns the planned stand-in that the
        /// next pipeline step checks against; null when declined.
        /// </summary>
        protected static async Task<T?> CreateOrPlanAsync<T>(IOperationHost host, string target, string action, Func<CancellationToken, Task<T>> create, Func<T> planned)
            where T : class
        {
            switch (await AskAsync(host, target, action).ConfigureAwait(false))
            {
                case ChangeDecision.Proceed:
                    return await create(host.Cancellation).ConfigureAwait(false);
                case ChangeDecision.WhatIf:
                    return planned();
                default:
                    return null;
            }
        }

        /// <summary>
        /// After the <paramref name="written"/>th object of a listing: every <see cref="HoldBackEvery"/> objects, waits until
        /// the consumer has taken them, so a slow one holds the listing back instead of letting objects pile up.
        /// </summary>
        protected static Task HoldBackAsync(IOperationHost host, long written) =>
            written % HoldBackEvery == 0 ? host.WhenWrittenAsync() : Task.CompletedTask;

        /// <summary>Asks before a change; false means plan only (WhatIf) or skip (declined).</summary>
        protected static Task<ChangeDecision> AskAsync(IOperationHost host, string target, string action) => host.ShouldProcessAsync(target, action);
    }
}
