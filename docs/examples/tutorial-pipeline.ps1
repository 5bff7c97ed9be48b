#Requires -Version 7.0
<#
.SYNOPSIS
    The e-commerce tutorial's whole flow (../shared/contract/seeds/) as one PowerShell pipeline, against the embedded
    emulator: a schema, a dataset, a Shopify base connection, then source connection -> target connection -> mapping set
    -> flow spec -> dataflow, and the dataflow's first run.
.EXAMPLE
    pwsh ./build.ps1 -Task Tutorial
#>
$ErrorActionPreference = 'Stop'
$module = Join-Path $PSScriptRoot '../../out/PlatformFlow/PlatformFlow.psd1'
if (-not (Test-Path $module)) {
    throw "The module is not built yet: run ./build.ps1 (or dotnet build PlatformFlow.sln) first."
}
Import-Module $module -Force

$context = Connect-Platform -Emulator
Write-Host "Connected: $context"

# Prerequisites: the target schema and dataset, and the Shopify shop to read from.
$schema  = New-XdmSchema -Title 'Shopify orders' -Class profile -FieldGroup profile-person-details, profile-personal-details
$dataset = $schema | New-Dataset -Name 'Shopify orders'
$token   = ConvertTo-SecureString 'shpat-emulator-demo-token' -AsPlainText -Force
$base    = New-BaseConnection -Name 'Shop' -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $token }

# The tutorial, as one pipeline.
$flow = New-SourceConnection -Name 'Shopify orders' -BaseConnectionId $base.Id -TableName Shopify.Orders -Column Email, Phone |
    New-TargetConnection -DatasetId $dataset.Id -SchemaId $schema.Id |
    New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } |
    Get-FlowSpec -Name CRMToAEP |
    New-Dataflow -Frequency Once

Write-Host "`nThe dataflow:"
$flow | Format-Table | Out-Host

Write-Host "Its first run (the orders whose emails are malformed fail: a partial success, reported as an error):"
$flow | Get-FlowRun | Select-Object -First 1 | Wait-FlowRun -Timeout 120 -PollInterval 2 -ErrorAction Continue | Format-Table | Out-Host
