using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFlow.Client.Api;
using PlatformFlow.Client.Errors;
using PlatformFlow.Client.Models;

namespace PlatformFlow.Client.Operations
{
    public sealed class XdmSchemaInput
    {
        public string Title { get; set; } = string.Empty;

        /// <summary>The XDM class: a short name (<c>profile</c>) or its URI.</summary>
        public string Class { get; set; } = string.Empty;

        /// <summary>Field groups: short names (<c>profile-person-details</c>) or URIs.</summary>
        public IReadOnlyList<string> FieldGroups { get; set; } = Array.Empty<string>();

        public string? Description { get; set; }

        public object? Target { get; set; }
    }

    /// <summary>New-XdmSchema: a tenant schema composed of a class and field groups (<c>POST /tenant/schemas</c>).</summary>
    public sealed class NewXdmSchemaOperation : PlatformOperation
    {
        private const string GlobalLibrary = "https://ns.adobe.com/xdm/";

        public NewXdmSchemaOperation(PlatformClient client)
            : base(client)
        {
        }

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

                var classRef = ExpandXdmReference(input.Class);
                var refs = new List<SchemaReference> { new SchemaReference(classRef) };
                refs.AddRange(input.FieldGroups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => new SchemaReference(ExpandXdmReference(g))));
                var request = new XdmSchemaRequest { Title = input.Title, Description = input.Description, AllOf = refs, Class = classRef };
                await CheckGlobalReferencesAsync(input.Title, classRef, refs.Skip(1).Select(r => r.Ref), host.Cancellation).ConfigureAwait(false);

                var schema = await CreateOrPlanAsync(
                    host,
                    input.Title,
                    "Create XDM schema (" + classRef + ")",
                    cancel => Client.SchemaRegistry.CreateSchemaAsync(request, cancel),
                    () => new XdmSchema { Id = Planned.NewId("schema"), Title = input.Title, Description = input.Description, Class = classRef, AllOf = refs, Type = "object" }).ConfigureAwait(false);
                if (schema is null)
                {
                    return;
                }

                host.WriteObject(schema, new PipelineIds().With(PipelineIds.SchemaId, schema.Id).PropertiesFor(schema));
            });

        /// <summary>
        /// The class and field groups of the global library (<c>https://ns.adobe.com/xdm/...</c>) must exist there; tenant
        /// ones are left to the platform. Nothing is sent when one is unknown, even without -WhatIf.
        /// </summary>
        private async Task CheckGlobalReferencesAsync(string title, string classRef, IEnumerable<string> fieldGroups, CancellationToken cancellationToken)
        {
            var unknown = new List<string>();
            foreach (var (collection, id, noun) in new[] { (SchemaRegistryClient.GlobalClasses, classRef, "Class") }.Concat(fieldGroups.Select(g => (SchemaRegistryClient.GlobalFieldGroups, g, "FieldGroup"))))
            {
                if (id.StartsWith(GlobalLibrary, StringComparison.Ordinal) && !await Client.SchemaRegistry.GlobalResourceExistsAsync(collection, id, cancellationToken).ConfigureAwait(false))
                {
                    unknown.Add(noun + ": " + id + " is not a " + (noun == "Class" ? "class" : "field group") + " of the global XDM library");
                }
            }

            PlatformValidationException.ThrowIfAny("schema '" + title + "'", unknown);
        }
    }
}
