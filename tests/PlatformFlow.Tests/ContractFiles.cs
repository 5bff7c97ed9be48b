using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PlatformFlow.Tests
{
    /// <summary>Finds the repository and the API contract (../shared/contract beside the repository).</summary>
    public static class ContractFiles
    {
        public static string RepositoryRoot { get; } = typeof(ContractFiles).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        public static string Root { get; } = FindContract();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindContract()
        {
            var contract = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "contract"));
            return Directory.Exists(contract)
                ? contract
                : throw new DirectoryNotFoundException("The API contract is expected at " + contract + " (shared/ beside the repository).");
        }
    }
}
