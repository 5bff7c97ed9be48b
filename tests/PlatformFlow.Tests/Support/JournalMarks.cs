using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Tests.Support
{
    /// <summary>The requests an emulator answered after a mark (its journal's <c>Total</c> read before the act).</summary>
    public static class JournalMarks
    {
        private static readonly Regex ServicePrefix = new Regex("^/data/foundation/[a-z]+", RegexOptions.CultureInvariant);

        /// <summary>The requests answered since <paramref name="mark"/>, oldest first.</summary>
        public static IReadOnlyList<JournalEntry> Since(this RequestJournal journal, long mark)
        {
            var recent = journal.Recent;
            return recent.Skip(recent.Count - (int)(journal.Total - mark)).ToList();
        }

        /// <summary>The requests answered since <paramref name="mark"/>, oldest first, each as <see cref="Call"/> gives it.</summary>
        public static IReadOnlyList<string> CallsSince(this RequestJournal journal, long mark) => journal.Since(mark).Select(Call).ToList();

        /// <summary>How many writes the platform's services answered (signing in is not one).</summary>
        public static int DataWrites(this RequestJournal journal) => journal.Recent.Count(IsDataWrite);

        /// <summary>A write to one of the platform's services (<c>/data/...</c>), not to IMS.</summary>
        public static bool IsDataWrite(this JournalEntry entry) => entry.IsWrite && entry.Path.StartsWith("/data/", StringComparison.Ordinal);

        /// <summary>A request as "GET /flows/{id}": its method and path without the service's prefix (<c>/data/foundation/flowservice</c>).</summary>
        public static string Call(this JournalEntry entry) => entry.Method + " " + ServicePrefix.Replace(entry.Path, string.Empty);
    }
}
