using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace PlatformFlow.Loader
{
    /// <summary>
    /// The module's own assembly load context (PowerShell 7 only): every assembly of the Dependencies folder loads here,
    /// and what those assemblies ask for is answered from the same folder first. A framework assembly the runtime already
    /// has at the same or a newer version (System.Text.Json, Microsoft.Bcl.AsyncInterfaces on PowerShell 7.6) is shared
    /// with the default context instead, so that JsonNode or IAsyncEnumerable is one type on both sides.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string>> RuntimeAssemblies = new Lazy<IReadOnlyDictionary<string, string>>(ReadRuntimeAssemblies);

        private DependencyLoadContext()
        {
        }

        public static DependencyLoadContext Instance { get; } = new DependencyLoadContext();

        /// <summary>The dependency the cmdlet assembly asked for (in the default context): loaded here, or the runtime's.</summary>
        public Assembly? Resolve(AssemblyName name) => Load(name) ?? Default.LoadFromAssemblyName(name);

        /// <summary>True when the runtime ships this assembly at a version at least that of the file at <paramref name="ours"/>.</summary>
        public static bool IsSharedWithRuntime(string simpleName, string ours) =>
            RuntimeAssemblies.Value.TryGetValue(simpleName, out var runtimePath)
            && AssemblyName.GetAssemblyName(runtimePath).Version >= AssemblyName.GetAssemblyName(ours).Version;

        /// <summary>An assembly of this name already loaded in the default context, if any.</summary>
        public static Assembly? LoadedInDefaultContext(string? simpleName) =>
            AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
                string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase) && GetLoadContext(a) == Default);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = ModuleAssemblyLoader.DependencyPath(assemblyName.Name);
            if (path is null || IsSharedWithRuntime(assemblyName.Name!, path))
            {
                // Not ours, or the runtime's own copy is as new: the default context answers.
                return null;
            }

            return LoadFromAssemblyPath(path);
        }

        private static IReadOnlyDictionary<string, string> ReadRuntimeAssemblies()
        {
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                byName[Path.GetFileNameWithoutExtension(path)] = path;
            }

            return byName;
        }
    }
}
