using System.Collections.Generic;
using PlatformFlow.Emulator.Catalog;
using PlatformFlow.Emulator.Control;
using PlatformFlow.Emulator.DataAccess;
using PlatformFlow.Emulator.DataPrep;
using PlatformFlow.Emulator.Ims;
using PlatformFlow.Emulator.Sandboxes;
using PlatformFlow.Emulator.SchemaRegistry;

namespace PlatformFlow.Emulator.Engine
{
    /// <summary>The services one engine serves. Each lives in its own folder: FlowService/, SchemaRegistry/, Catalog/, DataPrep/, DataAccess/, Sandboxes/, Ims/, StreamingIngestion/, Connectors/ (the Data Landing Zone), Control/ (the emulator's own routes).</summary>
    internal static class EmulatorServices
    {
        public static IEnumerable<EmulatorService> Create(EmulatorEngine engine)
        {
            yield return engine.FlowService;
            yield return new SchemaRegistryService();
            yield return new CatalogService(engine.FlowService.Runs);
            yield return new DataAccessService(engine.FlowService.Runs);
            yield return new EmulatorControlService(engine.FlowService.Runs);
            yield return new DataPrepService();
            yield return new StreamingIngestion.StreamingIngestionService(engine.FlowService.Runs);
            yield return new Connectors.LandingZoneService();
            yield return new SandboxManagementService(engine);
            yield return new ImsTokenService(engine);
        }
    }
}
