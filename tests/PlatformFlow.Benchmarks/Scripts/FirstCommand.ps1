# P4: how long Import-Module and the first command take in a fresh PowerShell process. Writes one JSON object.
[CmdletBinding()]
param([Parameter(Mandatory)][string] $ModulePath)

$ErrorActionPreference = 'Stop'
$clock = [Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
$imported = $clock.Elapsed.TotalMilliseconds
Connect-Platform -Emulator | Out-Null
$connected = $clock.Elapsed.TotalMilliseconds
$count = Get-Dataflow -Count
$listed = $clock.Elapsed.TotalMilliseconds
[pscustomobject]@{
    ImportMs          = $imported
    ConnectMs         = $connected - $imported
    FirstListMs       = $listed - $connected
    Flows             = $count
} | ConvertTo-Json -Compress
