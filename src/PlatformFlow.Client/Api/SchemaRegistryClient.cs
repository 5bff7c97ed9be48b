using System.Net.Http;
using PlatformFlow.Client.Caching;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Http;
using PlatformFlow.Client.Json;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Api
{
    /// <summary>Schema Registry (<c>/data/foundation/schemaregistry</c>): tenant schemas.</summary>
    public sealed class SchemaRegistryClient(PlatformHttp http, ReadCachePolicy reads)
    {
        public const string BasePath = "/data/foundation/schemaregistry";

        /// <summary>The composed schema (allOf references), as created.</summary>
        public const string XedContentType = "application/vnd.adobe.xed+json";

        public const string GlobalClasses = "classes";

        public const string GlobalFieldGroups = "fieldgroups";

        private readonly PlatformHttp _http = http;

        // Bulk onboarding maps many sources onto one schema: its field paths are resolved once per run.
        private readonly AsyncCache<IReadOnlyCollection<string>> _fieldPaths = reads.NewCache<IReadOnlyCollection<string>>();

        // Listings of datasets and target connections show their schema's title: one read per schema, not per object.
        private readonly AsyncCache<string?> _titles = reads.NewCache<string?>();

        public Task<XdmSchema> CreateSchemaAsync(XdmSchemaRequest request, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Post, "/tenant/schemas", request, PlatformJsonContext.Default.XdmSchemaRequest, PlatformJsonContext.Default.XdmSchema, cancellationToken);

        /// <summary>
        /// By <c>$id</c> or <c>meta:altId</c>. <paramref name="resolved"/> asks for every field merged in (to check field
        /// paths). Reading one schema needs the version in the Accept header.
        /// </summary>
        public Task<XdmSchema> GetSchemaAsync(string id, bool resolved = false, CancellationToken cancellationToken = default) =>
            _http.SendAsync(HttpMethod.Get, SchemaPath(id), PlatformJsonContext.Default.XdmSchema, cancellationToken, resolved ? WellKnown.XedFullContentType : XedContentType + "; version=1");

        /// <summary>Every leaf field path of the schema (<c>personalEmail.address</c>...), shared by the context for a short while.</summary>
        public Task<IReadOnlyCollection<string>> GetFieldPathsCachedAsync(string id, CancellationToken cancellationToken = default) =>
            _fieldPaths.GetAsync(id, async cancel => XdmFieldPaths.Leaves((await GetSchemaAsync(id, resolved: true, cancel).ConfigureAwait(false)).PropertiesJson), cancellationToken);

        /// <summary>The schema's title, shared by the context for a short while; null when the schema is gone (a dataset may outlive it).</summary>
        public Task<string?> GetSchemaTitleCachedAsync(string id, CancellationToken cancellationToken = default) =>
            _titles.GetAsync(id, async cancel =>
            {
                try
                {
                    return (await GetSchemaAsync(id, resolved: false, cancel).ConfigureAwait(false)).Title;
                }
                catch (PlatformException missing) when (missing.StatusCode == 404)
                {
                    return null;
                }
            }, cancellationToken);

        public IAsyncEnumerable<XdmSchema> ListSchemasAsync(ListQuery? query = null, CancellationToken cancellationToken = default) =>
            ListPagesAsync("/tenant/schemas" + (query ?? new ListQuery()).ToQueryString(), "application/vnd.adobe.xed+json", cancellationToken);

        /// <summary><c>GET /global/{kind}</c>: the standard XDM resources of one kind (<see cref="GlobalClasses"/>, <see cref="GlobalFieldGroups"/>), id and title.</summary>
        public IAsyncEnumerable<XdmSchema> ListGlobalAsync(string kind, CancellationToken cancellationToken = default) =>
            ListPagesAsync("/global/" + kind, "application/vnd.adobe.xed-id+json", cancellationToken);

        public async Task DeleteSchemaAsync(string id, CancellationToken cancellationToken = default)
        {
            try
            {
                await _http.SendAsync(HttpMethod.Delete, SchemaPath(id), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _fieldPaths.Remove(id);
            }
        }

        /// <summary>A registry listing (<c>{results, _links}</c>), each item read on its own so one odd schema does not end the list.</summary>
        private IAsyncEnumerable<XdmSchema> ListPagesAsync(string firstPath, string accept, CancellationToken cancellationToken) =>
            _http.ItemsAsync(firstPath, "results", PlatformJsonContext.Default.XdmSchema, cancellationToken, accept);

        private static string SchemaPath(string id) => "/tenant/schemas/" + Uri.EscapeDataString(id);
    }
}
