using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    /// <summary>New-XdmSchema: a tenant schema composed of a class and field groups (<c>POST /tenant/schemas</c>).</summary>
    public sealed class NewXdmSchemaOperation(PlatformClient client) : PlatformOperation(client)
    {
        private readonly Caching.AsyncCache<IReadOnlyList<string>> _standard = new Caching.AsyncCache<IReadOnlyList<string>>();

        /// <summary><c>profile</c> → <c>https://ns.adobe.com/xdm/context/profile</c>; a URI is kept as is.</summary>
        public static string ExpandXdmReference(string nameOrUri) =>
            nameOrUri.IndexOf("://", StringComparison.Ordinal) >= 0 ? nameOrUri : WellKnown.XdmNamespace + nameOrUri.Trim();

        public Task RunAsync(XdmSchemaInput input, IOperationHost host) =>
            ForInputAsync(host, input.Target ?? input.Title, input.Title, "NewXdmSchema", async () =>
            {
                if (string.IsNullOrWhiteSpace(input.Title) || string.IsNullOrWhiteSpace(input.Class))
                {
                    throw new PlatformValidationException("schema", "a schema needs a Title and a Class");
                }

                if (JsonSchema.PlatformLimits.NameProblem(input.Title) is string titleProblem)
                {
                    throw new PlatformValidationException("schema", "Title: " + titleProblem);
                }

                await CheckTitleIsFreeAsync(input.Title, host.Cancellation).ConfigureAwait(false);

                var classRef = ExpandXdmReference(input.Class);
                var fieldGroupRefs = input.FieldGroups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(ExpandXdmReference).ToList();
                await CheckStandardAsync(SchemaRegistryClient.GlobalClasses, "XdmClass", "class", CmdletTerms.XdmClass, new[] { classRef }, host.Cancellation).ConfigureAwait(false);
                await CheckStandardAsync(SchemaRegistryClient.GlobalFieldGroups, "FieldGroup", "field group", CmdletTerms.XdmFieldGroup, fieldGroupRefs, host.Cancellation).ConfigureAwait(false);
                var refs = new List<SchemaReference> { new SchemaReference(classRef) };
                refs.AddRange(fieldGroupRefs.Select(g => new SchemaReference(g)));
                var request = new XdmSchemaRequest { Title = input.Title, Description = input.Description, AllOf = refs, Class = classRef };

                var schema = await CreateOrPlanAsync(
                    host,
                    input.Title,
                    "Create XDM schema (" + classRef + ")",
                    cancel => Client.SchemaRegistry.CreateSchemaAsync(request, cancel),
                    () => new XdmSchema { Id = Planned.NewId("schema"), Title = input.Title, Description = input.Description, Class = classRef, AllOf = new ValueList<SchemaReference>(refs), Type = "object" }).ConfigureAwait(false);
                if (schema is null)
                {
                    return;
                }

                host.WriteObject(schema, new PipelineIds().With(PipelineIds.SchemaId, schema.Id).PropertiesFor(schema));
            });

        /// <summary>
        /// A standard class or field group (under the XDM namespace) must exist in the global container: a typo is an
        /// ObjectNotFound error with the closest short names, before anything is sent. Tenant ones are left to the platform.
        /// </summary>
        private async Task CheckStandardAsync(string resource, string kind, string words, string parameter, IReadOnlyList<string> references, System.Threading.CancellationToken cancellation)
        {
            var standard = references.Where(r => r.StartsWith(WellKnown.XdmNamespace, StringComparison.Ordinal)).ToList();
            if (standard.Count == 0)
            {
                return;
            }

            var known = await _standard.GetAsync(resource, async cancel =>
            {
                var ids = new List<string>();
                await foreach (var entry in Client.SchemaRegistry.ListGlobalAsync(resource, cancel).ConfigureAwait(false))
                {
                    ids.Add(entry.Id);
                }

                return (IReadOnlyList<string>)ids;
            }, cancellation).ConfigureAwait(false);
            foreach (var reference in standard.Where(r => !known.Contains(r, StringComparer.Ordinal)))
            {
                throw new ResourceNotFoundException(kind, words, ShortName(reference), known.Where(k => k.StartsWith(WellKnown.XdmNamespace, StringComparison.Ordinal)).Select(ShortName), CmdletTerms.CompleteWithTab(parameter));
            }
        }

        /// <summary>A tenant schema's title is unique in its sandbox, without regard to case (the Schema Registry refuses a second one): checked before sending.</summary>
        private async Task CheckTitleIsFreeAsync(string title, CancellationToken cancellation)
        {
            await foreach (var schema in Client.SchemaRegistry.ListSchemasAsync(ListQuery.Where("title~" + ListQuery.Quote(title)), cancellation).ConfigureAwait(false))
            {
                if (string.Equals(schema.Title, title, StringComparison.OrdinalIgnoreCase))
                {
                    throw new PlatformValidationException("schema '" + title + "'", "the sandbox has a schema with this title already (" + schema.Id + "); titles are unique")
                    {
                        RecommendedAction = "Use the existing one (" + CmdletTerms.FindSchemaByTitle(schema.Title ?? title) + "), or give another " + CmdletTerms.Title + ".",
                    };
                }
            }
        }

        private static string ShortName(string reference) => reference.Substring(reference.LastIndexOf('/') + 1);
    }
}
