using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace PlatformFlow.Loader
{
    /// <summary>
    /// Loads what the cmdlet assembly (PlatformFlow.dll) depends on — the client, the emulator, Microsoft.Extensions.*,
    /// Polly... — from the module's Dependencies folder. On PowerShell 7 they load in the module's own
    /// <see cref="DependencyLoadContext"/>, so another module's Microsoft.Extensions.* 8.0 or 10.0 in the default context
    /// neither breaks PlatformFlow nor is changed by it; only the cmdlet assembly and this one live in the default context.
    /// Windows PowerShell has a single context: there the dependencies load beside the module, as before.
    /// This is the manifest's first nested module, so it runs before PowerShell reads the cmdlet assembly's types.
    /// </summary>
    public sealed class ModuleAssemblyLoader : IModuleAssemblyInitializer
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleAssemblyLoader).Assembly.Location) ?? ".";
        private const string CmdletAssemblyName = "PlatformFlow";
        private static int _registered;
        private static Assembly? _cmdletAssembly;

        /// <summary>The folder beside the cmdlet assembly that holds every dependency.</summary>
        internal static string DependencyFolder { get; } = Path.Combine(ModuleFolder, "Dependencies");

        /// <summary>True on PowerShell 7 (.NET), where assembly load contexts exist.</summary>
        private static bool HasLoadContexts { get; } = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;

        /// <summary>
        /// The ReadyToRun images of the dependencies for the runtime this process runs on
        /// (<c>Dependencies/ReadyToRun/net10.0-linux-x64</c>, say), when the build made them: their code is compiled
        /// ahead, so the first commands need not wait for the JIT. Null on Windows PowerShell and on a runtime the build made
        /// none for; then the IL assemblies (netstandard2.0, loadable everywhere) load as they are.
        /// </summary>
        internal static string? ReadyToRunFolder { get; } = HasLoadContexts ? FindReadyToRunFolder() : null;

        /// <summary>Registers the resolver once per process; every later import (another runspace, a re-import) reuses it.</summary>
        public void OnImport()
        {
            if (Interlocked.CompareExchange(ref _registered, 1, 0) != 0)
            {
                return;
            }

            try
            {
                // The same instance PowerShell gets when it imports the root module next (both load it from its path).
                var cmdletAssembly = Assembly.LoadFrom(Path.Combine(ModuleFolder, CmdletAssemblyName + ".dll"));
                if (HasLoadContexts)
                {
                    RefuseConflictsInDefaultContext(cmdletAssembly);
                }

                _cmdletAssembly = cmdletAssembly;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
            catch
            {
                Interlocked.Exchange(ref _registered, 0);
                throw;
            }
        }

        internal static string? DependencyPath(string? simpleName)
        {
            // The cmdlet assembly is no dependency: it loads once, in the default context, where PowerShell finds it.
            if (string.IsNullOrEmpty(simpleName) || simpleName!.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
                || string.Equals(simpleName, CmdletAssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var path = Path.Combine(DependencyFolder, simpleName + ".dll");
            return ReadyToRunPath(simpleName!) ?? (File.Exists(path) ? path : null);
        }

        private static string? ReadyToRunPath(string simpleName)
        {
            if (ReadyToRunFolder is null)
            {
                return null;
            }

            var path = Path.Combine(ReadyToRunFolder, simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }

        /// <summary>The folder the build names for this runtime: its major version and runtime identifier, as the SDK writes them.</summary>
        private static string? FindReadyToRunFolder()
        {
            var runtimeIdentifier = AppContext.GetData("RUNTIME_IDENTIFIER") as string;
            if (string.IsNullOrEmpty(runtimeIdentifier))
            {
                return null;
            }

            var folder = Path.Combine(DependencyFolder, "ReadyToRun", "net" + Environment.Version.Major + ".0-" + runtimeIdentifier);
            return Directory.Exists(folder) ? folder : null;
        }

        /// <summary>
        /// Answers only PlatformFlow's own requests (the cmdlet assembly's, and on Windows PowerShell its dependencies',
        /// which have no load context of their own to ask) for an assembly the Dependencies folder holds: a request from
        /// another module never gets PlatformFlow's copy. Windows PowerShell may not say who asks; then the name decides.
        /// </summary>
        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly;
            if (requester != null && requester != _cmdletAssembly && !IsDependency(requester))
            {
                return null;
            }

            var name = new AssemblyName(args.Name);
            var path = DependencyPath(name.Name);
            if (path is null)
            {
                return null;
            }

            return HasLoadContexts ? LoadInOwnContext(name) : Assembly.LoadFrom(path);
        }

        private static bool IsDependency(Assembly assembly)
        {
            if (assembly.IsDynamic)
            {
                return false;
            }

            var folder = Path.GetDirectoryName(assembly.Location);
            return string.Equals(folder, DependencyFolder, StringComparison.OrdinalIgnoreCase) || string.Equals(folder, ReadyToRunFolder, StringComparison.OrdinalIgnoreCase);
        }

        // Never inlined: Windows PowerShell must not compile code that names AssemblyLoadContext.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Assembly? LoadInOwnContext(AssemblyName name) => DependencyLoadContext.Instance.Resolve(name);

        /// <summary>
        /// The cmdlet assembly binds its references in the default context: one of them already loaded there from elsewhere
        /// (an older PlatformFlow without isolation, say) would be a second copy of its types, so the import stops and says
        /// which.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RefuseConflictsInDefaultContext(Assembly cmdletAssembly)
        {
            var conflicts = new List<string>();
            foreach (var reference in cmdletAssembly.GetReferencedAssemblies())
            {
                // Whether one is loaded first: that is cheap, and almost never so; comparing versions reads two files' metadata.
                var ours = DependencyPath(reference.Name);
                var loaded = ours is null ? null : DependencyLoadContext.LoadedInDefaultContext(reference.Name);
                if (loaded != null && !DependencyLoadContext.IsSharedWithRuntime(reference.Name!, ours!))
                {
                    conflicts.Add(loaded.FullName + " (loaded from " + (string.IsNullOrEmpty(loaded.Location) ? "memory" : loaded.Location) + ")");
                }
            }

            if (conflicts.Count > 0)
            {
                throw new InvalidOperationException(
                    "PlatformFlow cannot load: the default load context already holds " + string.Join(", ", conflicts)
                    + ", which PlatformFlow's cmdlets need from " + DependencyFolder
                    + ". Start a new PowerShell session and import PlatformFlow before whatever loaded it.");
            }
        }
    }
}
