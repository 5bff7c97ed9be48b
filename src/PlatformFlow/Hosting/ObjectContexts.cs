using System.Management.Automation;
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
            var key = value is PSObject wrapped ? wrapped.BaseObject : value;

            // Every PSCustomObject (a dataset's record, a CSV row) has the same base object: remembering it would send
            // every plain object of the session to this context.
            if (key is string || key is PSCustomObject || key.GetType().IsValueType)
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
            input != null && Contexts.TryGetValue(input.BaseObject, out var context) ? context : null;
    }
}
