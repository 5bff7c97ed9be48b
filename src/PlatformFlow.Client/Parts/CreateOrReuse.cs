using System.IO;
using System.Net.Http;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.Parts
{
    /// <summary>
    /// Create-or-reuse of one flow part by its natural key, so running the same input twice, or again after a crash,
    /// creates nothing twice:
    /// <list type="number">
    /// <item>a part with the key that matches what would be created is reused (no write);</item>
    /// <item>one with the key that differs is refused, naming both (or updated, when the caller allows it);</item>
    /// <item>otherwise, after ShouldProcess, it is created. A create that failed in a way that may have been applied
    /// (a 5xx answer, a timeout, a connection lost after sending) is resolved by asking the platform for the key, and
    /// sent again only when the part is not there.</item>
    /// </list>
    /// Parts with the same key are made one at a time per context, so two rows naming the same part in one run make one.
    /// </summary>
    public sealed class CreateOrReuse<T>
        where T : PlatformModel
    {
        /// <summary>
        /// Creates sent for one part at most, the first included. Each follows a lookup that found nothing, so more
        /// attempts cannot duplicate; at 20% of answers ambiguous, 8 in a row fail about once in 400,000 parts.
        /// </summary>
        public const int MaxCreateAttempts = 8;

        private static readonly TimeSpan FirstResendDelay = TimeSpan.FromMilliseconds(200);

        /// <summary>e.g. <c>source connection</c>, for messages.</summary>
        public string Kind { get; set; } = "part";

        /// <summary>The natural key: a name, or a mapping set's content.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>How to show the key in messages (a name; a description of content keys).</summary>
        public string? KeyText { get; set; }

        /// <summary>What ShouldProcess describes, e.g. <c>Create source connection (Shopify.Orders)</c>.</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>The parts with the key, from the context's index (no request in steady state).</summary>
        public Func<CancellationToken, Task<IReadOnlyList<T>>> Find { get; set; } = _ => Task.FromResult<IReadOnlyList<T>>(Array.Empty<T>());

        /// <summary>The parts with the key, asked of the platform (after an ambiguous failure).</summary>
        public Func<CancellationToken, Task<IReadOnlyList<T>>> FindFresh { get; set; } = _ => Task.FromResult<IReadOnlyList<T>>(Array.Empty<T>());

        /// <summary>How an existing part differs from what would be created; empty when it can be reused.</summary>
        public Func<T, IReadOnlyList<string>> Differences { get; set; } = _ => Array.Empty<string>();

        public Func<T, string> IdOf { get; set; } = _ => string.Empty;

        public Func<CancellationToken, Task<T>> Create { get; set; } = _ => throw new InvalidOperationException("No create given.");

        /// <summary>The stand-in -WhatIf passes on.</summary>
        public Func<T> Planned { get; set; } = () => throw new InvalidOperationException("No plan given.");

        /// <summary>Changes a differing part to what was asked (null: a differing part is refused).</summary>
        public Func<T, CancellationToken, Task<T>>? Update { get; set; }

        /// <summary>The differences no update can make (e.g. another base connection): such a part is refused even with <see cref="Update"/>.</summary>
        public Func<T, IReadOnlyList<string>> Unchangeable { get; set; } = _ => Array.Empty<string>();

        /// <summary>Added to the refusal: how to resolve it.</summary>
        public string? Remedy { get; set; }

        /// <summary>The part and what was done with it; null when the user declined at a -Confirm prompt.</summary>
        public Task<PartResult<T>?> RunAsync(PlatformClient client, IOperationHost host, TimeProvider clock) =>
            RunAsync(client, clock, host.Cancellation, action => host.ShouldProcessAsync(KeyText ?? Key, action));

        /// <summary>As <see cref="RunAsync(PlatformClient, IOperationHost, TimeProvider)"/>, for a change already asked for as a whole (Import-Dataflow asks once per flow).</summary>
        public async Task<PartResult<T>> ApplyAsync(PlatformClient client, TimeProvider clock, CancellationToken cancellation) =>
            (await RunAsync(client, clock, cancellation, _ => Task.FromResult(ChangeDecision.Proceed)).ConfigureAwait(false))!;

        /// <summary>
        /// Creates the part without looking for it first (the caller has: a plan found none to take over), resolving an
        /// ambiguous failure as <see cref="RunAsync(PlatformClient, IOperationHost, TimeProvider)"/> does.
        /// </summary>
        public async Task<T> CreateAsync(PlatformClient client, TimeProvider clock, CancellationToken cancellation)
        {
            using (await client.PartCreations.EnterAsync(Kind + "\n" + Key, cancellation).ConfigureAwait(false))
            {
                return await CreateOnceAsync(clock, cancellation).ConfigureAwait(false);
            }
        }

        private async Task<PartResult<T>?> RunAsync(PlatformClient client, TimeProvider clock, CancellationToken cancellation, Func<string, Task<ChangeDecision>> ask)
        {
            using (await client.PartCreations.EnterAsync(Kind + "\n" + Key, cancellation).ConfigureAwait(false))
            {
                var existing = await Find(cancellation).ConfigureAwait(false);
                var reused = Resolve(existing, out var differing);
                if (reused != null)
                {
                    return new PartResult<T>(reused, PartOutcome.Reused);
                }

                var action = differing is null ? Action : "Update " + Kind + " " + IdOf(differing.Value.Part) + " (" + string.Join("; ", differing.Value.Differences) + ")";
                switch (await ask(action).ConfigureAwait(false))
                {
                    case ChangeDecision.WhatIf:
                        return new PartResult<T>(differing?.Part ?? Planned(), differing is null ? PartOutcome.Planned : PartOutcome.Updated);
                    case ChangeDecision.Declined:
                        return null;
                }

                return differing is { } change
                    ? new PartResult<T>(await Update!(change.Part, cancellation).ConfigureAwait(false), PartOutcome.Updated)
                    : new PartResult<T>(await CreateOnceAsync(clock, cancellation).ConfigureAwait(false), PartOutcome.Created);
            }
        }

        /// <summary>
        /// True when a write may have been applied although it did not answer success: a 5xx, a timeout, a connection
        /// lost (after the request may have been sent). Not a 4xx or a 429: the platform refused those.
        /// </summary>
        public static bool IsAmbiguous(Exception exception, CancellationToken cancellation)
        {
            switch (exception)
            {
                case PlatformException platform:
                    return platform.StatusCode >= 500;
                case HttpRequestException:
                case IOException:
                    return true;
                case OperationCanceledException:
                    // Not Ctrl+C: an attempt's time limit.
                    return !cancellation.IsCancellationRequested;
                default:
                    return false;
            }
        }

        /// <summary>The existing part to reuse; else, in <paramref name="differing"/>, the one to update (when allowed).</summary>
        private T? Resolve(IReadOnlyList<T> existing, out (T Part, IReadOnlyList<string> Differences)? differing)
        {
            differing = null;
            var reusable = existing.FirstOrDefault(part => Differences(part).Count == 0);
            if (reusable != null || existing.Count == 0)
            {
                return reusable;
            }

            var first = existing[0];
            var differences = Differences(first);
            if (Update is null || Unchangeable(first).Count > 0)
            {
                throw new PartConflictException(Kind, KeyText ?? Key, IdOf(first), differences, Remedy);
            }

            differing = (first, differences);
            return null;
        }

        private async Task<T> CreateOnceAsync(TimeProvider clock, CancellationToken cancellation)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await Create(cancellation).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt < MaxCreateAttempts && IsAmbiguous(ex, cancellation))
                {
                    // The platform may have applied it: look before sending it again.
                    var found = Resolve(await FindFresh(cancellation).ConfigureAwait(false), out var differing);
                    if (found != null)
                    {
                        return found;
                    }

                    if (differing != null)
                    {
                        throw new PartConflictException(Kind, KeyText ?? Key, IdOf(differing.Value.Part), differing.Value.Differences, Remedy);
                    }

                    await clock.Delay(Jittered(attempt), cancellation).ConfigureAwait(false);
                }
            }
        }

        private static TimeSpan Jittered(int attempt)
        {
            var full = FirstResendDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            return TimeSpan.FromMilliseconds(full / 2 + (full / 2 * ThreadSafeRandom.NextDouble()));
        }

        private static class ThreadSafeRandom
        {
            [ThreadStatic]
            private static Random? _random;

            public static double NextDouble() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
        }
    }
}
