# P9's floor: writes the smallest binary module there is into -ModulePath's folder (a manifest and an assembly with one
# trivial cmdlet, no format or types file, no nested module), compiled here by Add-Type against this PowerShell.
# FirstCommand.ps1 -ImportOnly then imports it in new processes: what Import-Module costs before any module's own work.
[CmdletBinding()]
param([Parameter(Mandatory)][string] $ModulePath)

$ErrorActionPreference = 'Stop'
$folder = Split-Path $ModulePath
New-Item -ItemType Directory -Path $folder -Force | Out-Null
Add-Type -OutputType Library -OutputAssembly (Join-Path $folder 'MinimalModule.dll') -TypeDefinition @'
using System.Management.Automation;

namespace MinimalModule
{
    [Cmdlet(VerbsCommon.Get, "MinimalValue")]
    public sealed class GetMinimalValueCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject(1);
    }
}
'@
Set-Content -Path $ModulePath -Value @"
@{
    RootModule        = 'MinimalModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '$([guid]::NewGuid())'
    CmdletsToExport   = @('Get-MinimalValue')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
"@
