using PlatformFlow.Client.Lookup;
using PlatformFlow.Client.Relations;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// What a given id or a piped object stands for to a cmdlet of another kind: the ids of that kind
    /// (<see cref="RelatedResources"/>, which reads a related object when the relation lies one read away; text not shaped
    /// as an id of the kind is an exact name, <see cref="ResourceIds"/>), then the cmdlet's work for each. Input that
    /// stands for none, or for several by one name, is a non-terminating error for that input only.
    /// </summary>
    public sealed class RelatedIdsOperation(PlatformClient client) : PlatformOperation(client)
    {
        /// <summary>The cmdlet's work for the resource a given <c>-Id</c> names (an id, or an exact name).</summary>
        /// <param name="step">The cmdlet, for the error's id (e.g. <c>GetDataflow</c>).</param>
        public async Task ForIdAsync(string id, ResourceKind kind, string step, Func<string, Task> work, IOperationHost host)
        {
            string resolved;
            try
            {
                resolved = await ResourceIds.ResolveAsync(Client, kind, id, host.Cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
            {
                host.WriteError(OperationError.From(ex, id, step));
                return;
            }

            await work(resolved).ConfigureAwait(false);
        }

        /// <param name="input">The piped object (its base object).</param>
        /// <param name="property">Reads a property of the input by name (PowerShell properties, CSV columns); null when it has none.</param>
        /// <param name="target">What an error names as its target (the piped object as PowerShell has it).</param>
        /// <param name="step">The cmdlet, for the error's id (e.g. <c>GetDataflow</c>).</param>
        /// <param name="work">The cmdlet's work for one id.</param>
        public async Task ForEachAsync(object input, Func<string, string?> property, ResourceKind kind, object? target, string step, Func<string, Task> work, IOperationHost host)
        {
            var ids = new List<string>();
            try
            {
                foreach (var each in await RelatedResources.IdsAsync(Client, input, property, kind, host.Cancellation).ConfigureAwait(false))
                {
                    // A platform object gives ids; a string or a plain row may give a name instead.
                    ids.Add(RelatedResources.KindOf(input) is null ? await ResourceIds.ResolveAsync(Client, kind, each, host.Cancellation).ConfigureAwait(false) : each);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is OutOfMemoryException))
            {
                host.WriteError(OperationError.From(ex, target, step));
                return;
            }

            foreach (var id in ids)
            {
                await work(id).ConfigureAwait(false);
            }
        }
    }
}
