# Run in a fresh PowerShell by tests/Isolation.Tests.ps1: imports PlatformFlow and the conflicting module in the order
# given, uses both, and writes one JSON line saying what each got.
param(
    [Parameter(Mandatory)][string] $ModulePath,
    # The other module's assembly paths, separated by '|' (-File passes each argument as one string).
    [Parameter(Mandatory)][string] $ConflictingAssembly,
    [Parameter(Mandatory)][ValidateSet('ConflictFirst', 'PlatformFlowFirst')][string] $Order
)
$ErrorActionPreference = 'Stop'

function Use-PlatformFlow {
    Import-Module $ModulePath
    Connect-Platform -Emulator -Reset | Out-Null
    $token = ConvertTo-SecureString 'shpat-isolation' -AsPlainText -Force
    $base = New-BaseConnection -Name 'Isolation shop' -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $token }
    [ordered]@{
        BaseConnection = (Get-BaseConnection -Id $base.Id).Name
        FlowSpec       = (Get-FlowSpec -Name CRMToAEP).Name
    }
}

function Use-ConflictingModule {
    Import-Module (Join-Path $PSScriptRoot 'ConflictingModule.psm1') -ArgumentList (, ($ConflictingAssembly -split '\|'))
    Get-ConflictingModuleState
}

if ($Order -eq 'ConflictFirst') {
    $other = Use-ConflictingModule
    $platformFlow = Use-PlatformFlow
} else {
    $platformFlow = Use-PlatformFlow
    $other = Use-ConflictingModule
}

# Where PlatformFlow's own copy of the abstractions came from: the load context of its client.
$clientContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-PlatformContext).Client.GetType().Assembly)
$platformFlowAbstractions = $clientContext.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.DependencyInjection.Abstractions' }
[pscustomobject]@{
    PlatformFlow             = [pscustomobject]$platformFlow
    Other                    = $other
    PlatformFlowAbstractions = $platformFlowAbstractions.GetName().Version.ToString()
    ClientInDefaultContext   = $clientContext -eq [System.Runtime.Loader.AssemblyLoadContext]::Default
    CmdletsInDefaultContext  = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext((Get-Command Connect-Platform).ImplementingType.Assembly) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default
} | ConvertTo-Json -Compress -Depth 4
