namespace PlatformFlow.Tests.Support
{
    /// <summary>
    /// The xunit trait that sorts tests for the honest counts build.ps1 prints (<c>[Trait(TestCategory.Name, ...)]</c>
    /// on a class or a method). A test without it tests product behaviour. Pester uses the same words as tags.
    /// </summary>
    public static class TestCategory
    {
        public const string Name = "Category";

        /// <summary>A third-party conformance suite run through our code (the JSON Schema Test Suite).</summary>
        public const string Conformance = "Conformance";

        /// <summary>Declared metadata and help: attributes, manifest, help pages, the MAML file.</summary>
        public const string Metadata = "Metadata";
    }
}
