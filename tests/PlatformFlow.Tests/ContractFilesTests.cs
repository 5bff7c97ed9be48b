using System.IO;
using Xunit;

namespace PlatformFlow.Tests
{
    public sealed class ContractFilesTests
    {
        [Fact]
        public void The_contract_and_the_repository_are_found()
        {
            Assert.True(File.Exists(ContractFiles.PathOf("README.md")));
            Assert.True(File.Exists(Path.Combine(ContractFiles.RepositoryRoot, "PlatformFlow.sln")));
        }
    }
}
