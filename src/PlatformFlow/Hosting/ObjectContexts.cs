using System.Runtime.CompilerServices;
using PlatformFlow.Client.Sessions;

namespace PlatformFlow.Hosting
{
    /// <summary>
    /// Which context each written object was read through, so piping it later acts through the same org and sandbox
    /// whatever context is current then. Held beside the objects (weakly: it goes when they go), not on them, so it never
    /// shows in their properties, JSON or CSV.
    /// </summary>
    internal static class ObjectContexts
    {
        private static readonly ConditionalWeakTable<object, PlatformContext> Contexts = new ConditionalWeakTable<object, PlatformContext>();
        private static readonly object Writing = new object();

        public static void Remember(object value, PlatformContext context)
        {
            var key = value is PSObject wrapped ? KeyOf(wrapped) : value;
            if (key is string || key.GetType().IsValueType)
            {
                return;
            }

            lock (Writing)
            {
                Contexts.Remove(key);
                Contexts.Add(key, context);
            }
        }

        public static PlatformContext? Of(PSObject? input) =>
            input != null && Contexts.TryGetValue(KeyOf(input), out var context) ? context : null;

        // Every PSCustomObject (a record read from a dataset, a CSV row) wraps the one shared PSCustomObject instance: such
        // an object is its own key, or one record read through a context would stand for every row piped later.
        private static object KeyOf(PSObject wrapped) => wrapped.BaseObject is PSCustomObject ? wrapped : wrapped.BaseObject;
    }
}
