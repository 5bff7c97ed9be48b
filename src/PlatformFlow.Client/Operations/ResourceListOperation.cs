using System.Text;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.JsonSchema;

namespace PlatformFlow.Client.Operations
{
    /// <summary>
    /// The logic every Get-* cmdlet shares: by id, or a list streamed page by page (memory stays flat), narrowed on the
    /// server where the service can and matched exactly here, with -Skip/-First and -IncludeTotalCount.
    /// </summary>
    public abstract class ResourceListOperation<T> : PlatformOperation
        where T : class
    {
        /// <summary>A long listing shows its count every this many objects.</summary>
        private const int ProgressEvery = 50;

        private const int ListingProgressId = 31;

        /// <summary>The kind listed, e.g. <c>BaseConnection</c>.</summary>
        private readonly string _kind;

        protected ResourceListOperation(PlatformClient client, string kind)
            : base(client)
        {
            _kind = kind;
        }

        /// <summary>The step's name in error ids and warnings, e.g. <c>GetBaseConnection</c>.</summary>
        protected string Step => "Get" + _kind;

        public Task RunAsync(ResourceQuery query, IOperationHost host) =>
            ForInputAsync(host, query.Target ?? query.Id ?? query.Name, query.Id, Step, async () =>
            {
                var cancellation = host.Cancellation;
                if (query.Id != null)
                {
                    var found = await GetByIdAsync(_kind, query.Id, () => GetAsync(query.Id, cancellation)).ConfigureAwait(false);
                    await CompleteAsync(found, cancellation).ConfigureAwait(false);
                    Emit(host, found);
                    return;
                }

                if (LongestLiteral(query.Name).Length > PlatformLimits.NameMaxLength)
                {
                    throw new PlatformValidationException(CmdletTerms.Name, "a name has at most " + PlatformLimits.NameMaxLength + " characters, so no name matches '" + Excerpt.Of(query.Name) + "'");
                }

                var filters = ServerFilters(query);
                if (query.TotalCount != null)
                {
                    var count = await CountAsync(filters, cancellation).ConfigureAwait(false);

                    // The server counts what it narrowed; a wildcard matched here may keep fewer.
                    host.WriteObject(count is long total ? query.TotalCount(total, query.NameMatches is null ? 1.0 : 0.5) : query.TotalCount(0, 0.0));
                }

                if (query.First == 0)
                {
                    return;
                }

                long skipped = 0;
                long written = 0;
                await foreach (var item in ListAsync(filters, query.PageSize, cancellation).ConfigureAwait(false))
                {
                    if (query.NameMatches != null && !query.NameMatches(NameOf(item) ?? string.Empty))
                    {
                        continue;
                    }

                    if (skipped < query.Skip)
                    {
                        skipped++;
                        continue;
                    }

                    await CompleteAsync(item, cancellation).ConfigureAwait(false);
                    Emit(host, item);
                    written++;
                    if (written % ProgressEvery == 0)
                    {
                        host.WriteProgress(new OperationProgress(ListingProgressId, "Reading " + _kind + " objects", written + " read"));
                    }
                    if (query.First is long first && written >= first)
                    {
                        // Leaving the enumeration here means no further page is asked for.
                        break;
                    }

                    await HoldBackAsync(host, written).ConfigureAwait(false);
                }

                if (written >= ProgressEvery)
                {
                    host.WriteProgress(new OperationProgress(ListingProgressId, "Reading " + _kind + " objects", written + " read", Completed: true));
                }

                if (query.NameIsLiteral && query.Name != null && written == 0 && skipped == 0)
                {
                    throw await NotFoundAsync(query, cancellation).ConfigureAwait(false);
                }
            });

        /// <summary>The not-found error for a literal -Name, with the closest names among those the filters keep (one more listing, only on a miss).</summary>
        private async Task<ResourceNotFoundException> NotFoundAsync(ResourceQuery query, CancellationToken cancellation)
        {
            var names = new List<string>();
            await foreach (var item in ListAsync(query.Filters.Where(f => !string.IsNullOrWhiteSpace(f)).ToList(), query.PageSize, cancellation).ConfigureAwait(false))
            {
                if (NameOf(item) is string name)
                {
                    names.Add(name);
                }
            }

            return new ResourceNotFoundException(_kind, ResourceNotFoundException.Words(_kind), query.Name!, names, "run " + CmdletTerms.List(_kind));
        }

        /// <summary>The query's filters plus, when -Name has a literal part and the service can, a contains filter on it.</summary>
        protected IReadOnlyList<string> ServerFilters(ResourceQuery query)
        {
            var filters = query.Filters.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            var literal = LongestLiteral(query.Name);
            if (literal.Length > 0 && NarrowByName(literal) is string narrowing)
            {
                filters.Add(narrowing);
            }

            return filters;
        }

        protected abstract Task<T> GetAsync(string id, CancellationToken cancellationToken);

        protected abstract IAsyncEnumerable<T> ListAsync(IReadOnlyList<string> filters, int? pageSize, CancellationToken cancellationToken);

        /// <summary>The platform's count of the filtered list; null where the service cannot count.</summary>
        protected virtual Task<long?> CountAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

        protected abstract string? NameOf(T item);

        /// <summary>A filter keeping the resources whose name contains <paramref name="literal"/>; null where the service has none.</summary>
        protected abstract string? NarrowByName(string literal);

        /// <summary>Fills in what the view shows but the listing does not answer (a schema's title), before the item is written.</summary>
        protected virtual Task CompleteAsync(T item, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>Ids the emitted object carries for the flow-building cmdlets (e.g. BaseConnectionId on a base connection).</summary>
        protected virtual PipelineIds CarriedBy(T item) => new PipelineIds();

        /// <summary>
        /// The longest run of literal characters in a PowerShell wildcard pattern (<c>*</c>, <c>?</c> and <c>[...]</c> end a
        /// run; a backtick escapes the next character): <c>Shop*orders</c> → <c>orders</c>.
        /// </summary>
        internal static string LongestLiteral(string? pattern)
        {
            var longest = string.Empty;
            var run = new StringBuilder();
            for (var i = 0; pattern != null && i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    run.Append(pattern[++i]);
                    continue;
                }

                if (c == '*' || c == '?' || c == '[')
                {
                    longest = run.Length > longest.Length ? run.ToString() : longest;
                    run.Clear();
                    if (c == '[')
                    {
                        var close = pattern.IndexOf(']', i + 1);
                        i = close < 0 ? pattern.Length : close;
                    }

                    continue;
                }

                run.Append(c);
            }

            return run.Length > longest.Length ? run.ToString() : longest;
        }

        private void Emit(IOperationHost host, T item)
        {
            if (item is Models.PlatformModel { ReadProblems: string problems })
            {
                host.WriteWarning(Step + ": listed with what could be read of " + problems + ".");
            }

            host.WriteObject(item, CarriedBy(item).PropertiesFor(item));
        }
    }
}
