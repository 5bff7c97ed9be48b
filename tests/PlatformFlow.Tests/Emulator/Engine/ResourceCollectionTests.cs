using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PlatformFlow.Emulator.Engine;
using Xunit;

namespace PlatformFlow.Tests.Emulator.Engine
{
    /// <summary>The store of one kind of resource: creation order, insertion numbers, and reading on after a cursor.</summary>
    public sealed class ResourceCollectionTests
    {
        [Fact]
        public void Resources_keep_their_creation_order_and_insertion_numbers_through_replaces_and_removes()
        {
            var stored = Filled(5);

            stored.Replace("r1", new JsonObject { ["v"] = "new" });
            Assert.True(stored.Remove("r2"));
            Assert.False(stored.Remove("r2"));
            stored.Add("r5", new JsonObject { ["v"] = 5 });

            Assert.Equal(new[] { "r0", "r1", "r3", "r4", "r5" }, stored.Entries.Select(e => e.Key));
            Assert.Equal("new", (string)stored.Find("r1")!["v"]!);
            Assert.Equal(new[] { "0", "new", "3", "4", "5" }, stored.All.Select(r => r["v"]!.ToJsonString().Trim('"')));
            Assert.Equal((5, 3L, 5L), (stored.Count, stored.SequenceOf("r3"), stored.SequenceOf("r5")));
            Assert.Null(stored.Find("r2"));
            Assert.False(stored.Contains("r2"));
            Assert.True(stored.Contains("r5"));
        }

        [Fact]
        public void Entries_after_an_insertion_number_start_with_the_next_resource_even_when_that_one_was_removed()
        {
            var stored = Filled(6);
            stored.Remove("r2");

            Assert.Equal(new[] { "r1", "r3", "r4", "r5" }, stored.EntriesAfter(0).Select(e => e.Key));
            Assert.Equal(new[] { "r3", "r4", "r5" }, stored.EntriesAfter(1).Select(e => e.Key));
            Assert.Equal(new[] { "r3", "r4", "r5" }, stored.EntriesAfter(2).Select(e => e.Key));
            Assert.Empty(stored.EntriesAfter(5));
            Assert.Equal(new[] { "r0", "r1", "r3", "r4", "r5" }, stored.EntriesAfter(null).Select(e => e.Key));
            Assert.Equal(new[] { "r0", "r1", "r3", "r4", "r5" }, stored.EntriesAfter(-1).Select(e => e.Key));
        }

        [Fact]
        public void After_most_resources_are_removed_the_rest_still_read_in_order_from_any_cursor()
        {
            // 150 of 200 removed: past the point where the order list drops its gaps.
            var stored = Filled(200);
            foreach (var i in Enumerable.Range(0, 200).Where(i => i % 4 != 3))
            {
                Assert.True(stored.Remove(Id(i)));
            }

            var expected = Enumerable.Range(0, 200).Where(i => i % 4 == 3).Select(Id).ToList();
            Assert.Equal(expected, stored.Entries.Select(e => e.Key));
            Assert.Equal(expected.Skip(25), stored.EntriesAfter(100).Select(e => e.Key));
            Assert.Equal(expected.Skip(25), stored.EntriesAfter(99).Select(e => e.Key));
            Assert.Equal(expected.Skip(26), stored.EntriesAfter(103).Select(e => e.Key));

            stored.Add("late", new JsonObject());
            Assert.True(stored.Remove(Id(103)));
            Assert.Equal(new[] { Id(107), Id(111) }, stored.EntriesAfter(100).Take(2).Select(e => e.Key));
            Assert.Equal(new[] { Id(199), "late" }, stored.EntriesAfter(196).Select(e => e.Key));
            Assert.Equal(200L, stored.SequenceOf("late"));
            Assert.Equal(50, stored.Count);
        }

        [Fact]
        public void Entries_read_count_the_places_of_removed_resources_passed_on_the_way()
        {
            var stored = Filled(10);
            stored.Remove("r4");

            var read = stored.EntriesAfter(2).Take(3).ToList();

            Assert.Equal(new[] { "r3", "r5", "r6" }, read.Select(e => e.Key));
            Assert.Equal(4, stored.EntriesEnumerated);
        }

        [Theory]
        [InlineData(100, 64)] // more than half, but not more than 64
        [InlineData(200, 100)] // more than 64, but not more than half
        public void The_places_of_removed_resources_are_dropped_once_more_than_64_and_more_than_half_are_removed(int count, int removedBefore)
        {
            var stored = Filled(count);
            foreach (var i in Enumerable.Range(0, removedBefore))
            {
                stored.Remove(Id(i));
            }

            Assert.Equal(removedBefore + 1, PlacesReadForFirst(stored));
            stored.Remove(Id(removedBefore));
            Assert.Equal(1, PlacesReadForFirst(stored));

            // Counting starts again: one removal later, its place is still there.
            stored.Remove(Id(removedBefore + 1));
            Assert.Equal(2, PlacesReadForFirst(stored));
        }

        [Fact]
        public void Replacing_a_resource_that_is_not_there_is_an_error()
        {
            var stored = Filled(1);

            var error = Assert.Throws<KeyNotFoundException>(() => stored.Replace("r9", new JsonObject()));

            Assert.Equal("No resource r9 to replace.", error.Message);
        }

        private static long PlacesReadForFirst(ResourceCollection stored)
        {
            var before = stored.EntriesEnumerated;
            Assert.Single(stored.Entries.Take(1));
            return stored.EntriesEnumerated - before;
        }

        private static string Id(int i) => "r" + i.ToString(CultureInfo.InvariantCulture);

        private static ResourceCollection Filled(int count)
        {
            var stored = new ResourceCollection();
            for (var i = 0; i < count; i++)
            {
                stored.Add(Id(i), new JsonObject { ["v"] = i });
            }

            return stored;
        }
    }
}
