using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PlatformFlow.Tests
{
    /// <summary>
    /// Finds the repository and the API contract: <c>PLATFORMFLOW_CONTRACT</c> when set, else <c>shared/contract</c> beside
    /// the repository, else beside the local checkout it was cloned from (a fresh clone in a temporary folder).
    /// </summary>
    public static class ContractFiles
    {
        public const string ContractVariable = "PLATFORMFLOW_CONTRACT";

        public static string RepositoryRoot { get; } = typeof(ContractFiles).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        public static string Root { get; } = FindContract();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindContract()
        {
            var candidates = Candidates().ToList();
            return candidates.FirstOrDefault(Directory.Exists)
                ?? throw new DirectoryNotFoundException("The API contract was not found; looked in " + string.Join(", ", candidates)
                    + ". Put shared/contract beside the repository or set " + ContractVariable + ".");
        }

        private static IEnumerable<string> Candidates()
        {
            if (Environment.GetEnvironmentVariable(ContractVariable) is string configured && configured.Length > 0)
            {
                yield return Path.GetFullPath(configured);
            }

            yield return Beside(RepositoryRoot);
            if (LocalOrigin() is string origin)
            {
                yield return Beside(origin);
            }
        }

        private static string Beside(string checkout) => Path.GetFullPath(Path.Combine(checkout, "..", "shared", "contract"));

        /// <summary>The folder this repository was cloned from, when its origin is a local path; null otherwise.</summary>
        private static string? LocalOrigin()
        {
            try
            {
                using var git = Process.Start(new ProcessStartInfo("git", "-C \"" + RepositoryRoot + "\" config --get remote.origin.url")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                })!;
                var url = git.StandardOutput.ReadToEnd().Trim();
                git.WaitForExit();
                var path = url.StartsWith("file://", StringComparison.Ordinal) ? new Uri(url).LocalPath : url;
                return git.ExitCode == 0 && Path.IsPathRooted(path) && Directory.Exists(path) ? path : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No git on the PATH: only the other places count.
                return null;
            }
        }
    }
}
