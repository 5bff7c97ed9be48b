using System.Text.Json.Nodes;

namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// Rewrites of the emulator's explore answers (for <see cref="AnswerRewriter"/>) into shapes other sources give: the
    /// root's list of tables, or a table's description with its columns.
    /// </summary>
    public static class ExploreAnswers
    {
        /// <summary>Explore root as a file source may answer it: short names beside full paths, and a table with a name only.</summary>
        public static JsonNode ShortNamesAndAPathlessTable(JsonNode answer)
        {
            if (!(answer is JsonArray items))
            {
                return answer;
            }

            items[0]!["name"] = "Orders";
            items[1]!.AsObject().Remove("path");
            return answer;
        }

        /// <summary>A table described with no type on any of its columns; other answers as they are.</summary>
        public static JsonNode UntypedColumns(JsonNode answer)
        {
            if (answer is JsonObject table && table["schema"]?["columns"] is JsonArray columns)
            {
                foreach (var column in columns)
                {
                    column!.AsObject().Remove("type");
                }
            }

            return answer;
        }
    }
}
