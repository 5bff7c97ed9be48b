using System.Collections.Generic;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>The services one engine serves. Each lives in its own folder: FlowService/, SchemaRegistry/, Catalog/, DataPrep/, Ims/.</summary>
    internal static class EmulatorServices
    {
        public static IEnumerable<IEmulatorService> Create(EmulatorEngine engine)
        {
            yield break;
        }
    }
}
