using System.Globalization;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Models;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// New-MappingSet -Suggest: the suggestions for the piped source and target merged with the hand-written mappings,
    /// which win (a suggestion for a column or a destination -Mapping already names is left out). Each suggestion taken is
    /// asked about (ShouldProcess), so -WhatIf lists them with their reasons and -Confirm can turn one down.
    /// </summary>
    internal static class SuggestedMappings
    {
        public static async Task<IReadOnlyList<Mapping>> MergeAsync(PlatformClient client, MappingSetInput input, double minimum, IOperationHost host, string? flowName)
        {
            var source = await GetMappingSuggestionOperation.SourceAsync(client, input.SchemaId, Array.Empty<SourceColumn>(), null, input.SourceConnectionId, input.TargetConnectionId, input.Carried, host.Cancellation).ConfigureAwait(false);
            var suggestions = await SuggestionRun.SuggestAsync(client, source, minimum, MappingVocabulary.Standard, host.Cancellation).ConfigureAwait(false);
            var columns = new HashSet<string>(input.Mappings.Where(m => m.SourceType == MappingSourceType.Attribute).Select(m => m.Source), StringComparer.OrdinalIgnoreCase);
            var destinations = new HashSet<string>(input.Mappings.Select(m => m.Destination), StringComparer.Ordinal);
            var merged = input.Mappings.ToList();
            foreach (var suggestion in suggestions)
            {
                if (columns.Contains(suggestion.Column) || destinations.Contains(suggestion.Destination))
                {
                    host.WriteVerbose("Suggested mapping " + suggestion + " left out: " + CmdletTerms.Mapping + " maps " + suggestion.Column + " or " + suggestion.Destination + " already");
                    continue;
                }

                var action = "Map as suggested: " + suggestion.Source + " -> " + suggestion.Destination
                    + " (confidence " + suggestion.Confidence.ToString("0.00", CultureInfo.InvariantCulture) + ": " + suggestion.Reason + ")";
                if (await host.ShouldProcessAsync(flowName ?? source.SchemaId, action).ConfigureAwait(false) != ChangeDecision.Declined)
                {
                    merged.Add(Mapping.FromPair(suggestion.Source, suggestion.Destination));
                }
            }

            return merged;
        }
    }
}
