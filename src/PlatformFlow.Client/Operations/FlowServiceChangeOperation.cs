using System.Text.Json;
using System.Text.Json.Nodes;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// The logic of the Set-* cmdlets: JSON Patch with <c>If-Match</c> (the caller's etag, or the current one), a clear
    /// <c>StaleEtag</c> error when someone else changed the resource since it was read (or, with Force, one refetch and
    /// retry), then the updated resource read again: the caller's object takes it on, and -PassThru writes it.
    /// </summary>
    public abstract class FlowServiceChangeOperation<TResource, TRequest, TChange> : PlatformOperation
        where TResource : FlowServiceResource
        where TChange : ResourceChange
    {
        private readonly FlowServiceCollection<TResource, TRequest> _collection;
        private readonly string _noun;
        private readonly string _step;

        protected FlowServiceChangeOperation(PlatformClient client, FlowServiceCollection<TResource, TRequest> collection, string noun, string step, TimeProvider? clock = null)
            : base(client, clock)
        {
            _collection = collection;
            _noun = noun;
            _step = step;
        }

        public Task RunAsync(TChange change, IOperationHost host) =>
            ForInputAsync(host, change.Target ?? change.Id, change.Id, _step, async () =>
            {
                var cancellation = host.Cancellation;
                // The step is "Set" and the kind (SetDataflow): the kind names the not-found error.
                var current = await GetByIdAsync(_step.Substring(3), change.Id, () => _collection.GetAsync(change.Id, cancellation)).ConfigureAwait(false);
                var operations = await ChangesAsync(change, current, cancellation).ConfigureAwait(false);
                if (operations.Count == 0)
                {
                    throw new PlatformValidationException(_noun + " " + change.Id, "nothing to change; give at least one of " + ChangeableParameters);
                }

                var action = "Update " + _noun + " (" + string.Join(", ", operations.Select(o => o.Path.TrimStart('/'))) + ")";
                if (await AskAsync(host, current.Name ?? change.Id, action).ConfigureAwait(false) != ChangeDecision.Proceed)
                {
                    return;
                }

                try
                {
                    await _collection.PatchAsync(change.Id, operations, change.Etag ?? EtagOf(current), cancellation).ConfigureAwait(false);
                }
                catch (PlatformException stale) when (stale.StatusCode == 412)
                {
                    if (!change.Force)
                    {
                        host.WriteError(StaleEtagError(stale, change, current, retried: false));
                        return;
                    }

                    host.WriteVerbose(_noun + " " + change.Id + " was changed since it was read; reading it again and retrying once (" + CmdletTerms.Force + ").");
                    var fresh = await _collection.GetAsync(change.Id, cancellation).ConfigureAwait(false);
                    try
                    {
                        await _collection.PatchAsync(change.Id, await ChangesAsync(change, fresh, cancellation).ConfigureAwait(false), EtagOf(fresh), cancellation).ConfigureAwait(false);
                    }
                    catch (PlatformException staleAgain) when (staleAgain.StatusCode == 412)
                    {
                        host.WriteError(StaleEtagError(staleAgain, change, fresh, retried: true));
                        return;
                    }
                }

                var changed = await _collection.GetAsync(change.Id, cancellation).ConfigureAwait(false);
                change.Held?.TakeStateOf(changed);
                if (change.PassThru)
                {
                    host.WriteObject(changed);
                }
            });

        /// <summary>How the user names the changeable fields, for the "nothing to change" message.</summary>
        protected virtual string ChangeableParameters => CmdletTerms.SetConnectionParameters;

        /// <summary>
        /// The patch that applies <paramref name="change"/> to <paramref name="current"/>; empty when nothing changes. Throws
        /// <see cref="PlatformValidationException"/> for a change the platform would refuse (checked with reads only).
        /// </summary>
        protected virtual Task<List<JsonPatchOperation>> ChangesAsync(TChange change, TResource current, CancellationToken cancellation)
        {
            var operations = new List<JsonPatchOperation>();
            if (change.Name != null)
            {
                operations.Add(Set("/name", Text(change.Name)));
            }

            if (change.Description != null)
            {
                operations.Add(Set("/description", Text(change.Description)));
            }

            return Task.FromResult(operations);
        }

        /// <summary>An <c>add</c>, which sets a member whether or not it is there yet (<c>replace</c> needs it to exist).</summary>
        protected static JsonPatchOperation Set(string path, JsonElement value) => new JsonPatchOperation("add", path, value);

        private static JsonElement Text(string text) => JsonSerializer.SerializeToElement(JsonValue.Create(text)!, PlatformJsonContext.Default.JsonNode);

        private string EtagOf(TResource resource) =>
            resource.Etag ?? throw new PlatformValidationException(_noun + " " + resource.Id, "the platform returned it without an etag, so it cannot be updated safely");

        /// <param name="retried">True when -Force read it again and its one retry lost too.</param>
        private OperationError StaleEtagError(PlatformException stale, TChange change, TResource current, bool retried)
        {
            var message = retried
                ? _noun + " '" + (current.Name ?? change.Id) + "' was changed by someone else again while " + CmdletTerms.Force + " retried (etag " + current.Etag
                    + " was no longer current either); nothing was updated."
                : _noun + " '" + (current.Name ?? change.Id) + "' was changed by someone else since it was read (etag " + (change.Etag ?? current.Etag)
                    + " is no longer current); nothing was updated.";
            return new OperationError(
                new InvalidOperationException(message, stale),
                "StaleEtag",
                OperationErrorCategory.InvalidOperation,
                change.Target ?? change.Id,
                retried
                    ? "Someone else keeps changing it: run the change again once they are done."
                    : "Read it again and reapply the change, or use " + CmdletTerms.Force + " to refetch it and retry once.");
        }
    }
}
