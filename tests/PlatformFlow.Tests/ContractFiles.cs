using System;
using System.IO;

namespace PlatformFlow.Tests
{
    /// <summary>Finds the API contract (../shared/contract beside the repository) from the test's output folder.</summary>
    public static class ContractFiles
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        public static string Root => RootPath.Value;

        public static string RepositoryRoot => Path.GetDirectoryName(Path.GetDirectoryName(Root)!)!.Replace(Path.Combine("..", "shared"), string.Empty);

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PlatformFlow.sln")))
                {
                    var contract = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "contract"));
                    if (Directory.Exists(contract))
                    {
                        return contract;
                    }

                    throw new DirectoryNotFoundException("The API contract is expected at " + contract + " (shared/ beside the repository).");
                }
            }

            throw new DirectoryNotFoundException("PlatformFlow.sln not found above " + AppContext.BaseDirectory + ".");
        }
    }
}
