@{
    RootModule           = 'PlatformFlow.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f0c8f2e-6c1a-4b7e-9a55-2d0f3b9f4e61'
    Author               = 'PlatformFlow'
    CompanyName          = 'PlatformFlow'
    Copyright            = '(c) PlatformFlow. All rights reserved.'
    Description          = 'Build, run and watch Adobe Experience Platform data ingestion flows from PowerShell: one pipeline from source connection to dataflow, bulk onboarding from CSV, lifecycle and monitoring. Includes an offline emulator of the platform.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('PlatformFlow.format.ps1xml')
    TypesToProcess       = @('PlatformFlow.types.ps1xml')
    # Loads before the root module: on PowerShell 7 it puts the cmdlets' dependencies (Dependencies/) in the module's own
    # assembly load context, so other modules' versions of Microsoft.Extensions.* and PlatformFlow's never meet.
    NestedModules        = @('PlatformFlow.Loader.dll')
    CmdletsToExport      = @(
        'Connect-Platform'
        'Disconnect-Platform'
        'Get-PlatformContext'
        'Get-Sandbox'
        'Get-ConnectionSpec'
        'New-BaseConnection'
        'Test-BaseConnection'
        'New-SourceConnection'
        'New-XdmSchema'
        'New-Dataset'
        'New-TargetConnection'
        'New-MappingSet'
        'Get-MappingSuggestion'
        'Test-MappingSet'
        'Get-FlowSpec'
        'New-Dataflow'
        'Get-BaseConnection'
        'Get-SourceConnection'
        'Get-TargetConnection'
        'Get-Dataflow'
        'Get-MappingSet'
        'Get-Dataset'
        'Get-XdmSchema'
        'Get-SourceTable'
        'Set-Dataflow'
        'Set-SourceConnection'
        'Set-TargetConnection'
        'Enable-Dataflow'
        'Disable-Dataflow'
        'Remove-Dataflow'
        'Remove-SourceConnection'
        'Remove-TargetConnection'
        'Remove-BaseConnection'
        'Remove-Dataset'
        'Remove-XdmSchema'
        'Get-FlowRun'
        'Start-FlowRun'
        'Restart-FlowRun'
        'Wait-FlowRun'
        'Get-FailedRecord'
        'Get-Batch'
        'Get-DatasetRecord'
        'Export-Dataflow'
        'Import-Dataflow'
        'Copy-Dataflow'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Adobe', 'AdobeExperiencePlatform', 'AEP', 'DataIngestion', 'Dataflow', 'FlowService', 'ETL', 'Emulator', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/platformflow/PlatformFlow'
            ReleaseNotes = 'First release: the tutorial pipeline, bulk onboarding, lifecycle and monitoring cmdlets, the embedded emulator.'
        }
    }
}
