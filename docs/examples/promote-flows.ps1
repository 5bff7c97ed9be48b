#Requires -Version 7.0
<#
.SYNOPSIS
    Rehearses promoting dataflows from a development sandbox to production with flows as code, against two sandboxes
    (dev and prod) of the embedded emulator: export, review the diff after a change, plan, apply, apply again (nothing
    to change).
.PARAMETER WorkFolder
    Where the definition files go (the folder you would keep in source control); a new temporary folder by default.
.OUTPUTS
    The results of the last apply (one per flow), which finds nothing to change.
.EXAMPLE
    dotnet pwsh ./docs/examples/promote-flows.ps1
#>
[CmdletBinding()]
param(
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) "promote-flows-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
)

$ErrorActionPreference = 'Stop'
$module = Join-Path $PSScriptRoot '../../out/PlatformFlow/PlatformFlow.psd1'
if (-not (Get-Command Export-Dataflow -ErrorAction SilentlyContinue)) {
    if (-not (Test-Path $module)) { throw 'The module is not built yet: run ./build.ps1 (or dotnet build PlatformFlow.sln) first.' }
    Import-Module $module
}

# Two sandboxes of one fresh emulator; with the real platform: Connect-Platform -ClientId ... -Sandbox dev (and prod).
$dev = Connect-Platform -Emulator -Reset -Sandbox dev
$prod = Connect-Platform -Emulator -Sandbox prod

# What the flows refer to exists in both sandboxes under the same names (the ids differ): a schema, a dataset, a shop.
foreach ($context in $dev, $prod) {
    $schema = New-XdmSchema -Title 'Shop orders' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $context
    $null = $schema | New-Dataset -Name 'Shop orders' -Context $context
    $token = ConvertTo-SecureString "shpat-$($context.Sandbox)-token" -AsPlainText -Force
    $null = New-BaseConnection -Name 'Shop' -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $token } -Context $context
}

# The flows are built and tried in dev.
foreach ($shop in 'Shop 07', 'Shop 08') {
    $null = New-SourceConnection -Name $shop -BaseConnectionId (Get-BaseConnection -Name 'Shop' -Context $dev).Id -TableName Shopify.Orders -Column Email, Phone -Context $dev |
        New-TargetConnection -DatasetId (Get-Dataset -Name 'Shop orders' -Context $dev).Id -Context $dev |
        New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } -Context $dev |
        Get-FlowSpec -Context $dev |
        New-Dataflow -Frequency Day -Interval 1 -StartTime '2026-01-05T06:00:00Z' -Context $dev
}

# 1. Export: one file per flow, every reference by name, nothing secret. This folder is what goes into source control.
$flows = Join-Path $WorkFolder 'flows'
$reviewed = Join-Path $WorkFolder 'reviewed'
$null = Get-Dataflow -Name 'Shop*' -Context $dev | Export-Dataflow -Path "$flows/" -Context $dev
$null = New-Item -ItemType Directory -Path $reviewed -Force
Copy-Item "$flows/*" $reviewed
Write-Host "Exported: $((Get-ChildItem $flows).Name -join ', ')"

# 2. A change in dev, exported again: the diff shows only what changed (the same flow exports to the same bytes).
$null = Get-Dataflow -Name 'Shop 07' -Context $dev | Set-Dataflow -Frequency Hour -Interval 6 -Context $dev
$null = Get-Dataflow -Name 'Shop*' -Context $dev | Export-Dataflow -Path "$flows/" -Context $dev
foreach ($file in Get-ChildItem $flows) {
    $diff = Compare-Object (Get-Content (Join-Path $reviewed $file.Name)) (Get-Content $file.FullName)
    Write-Host "Diff of $($file.Name): $(if ($diff) { ($diff | ForEach-Object { "$($_.SideIndicator) $($_.InputObject.Trim())" }) -join ' | ' } else { 'none' })"
}

# 3. Plan: what applying the files to prod would do; nothing is sent.
Import-Dataflow -Path $flows -Context $prod -WhatIf | Format-Table Name, Action, Applied, Changes | Out-Host

# 4. Apply: every flow is created in prod, on prod's own schema, dataset and base connection.
Import-Dataflow -Path $flows -Context $prod | Format-Table Name, Action, FlowId | Out-Host

# 5. Apply again: nothing to change, nothing sent. These results are the script's output.
Import-Dataflow -Path $flows -Context $prod
