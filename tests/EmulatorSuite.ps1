# Dot-sourced by the suites that work against the embedded emulator (each suite file gets an empty emulator of its own) (BeforeAll { . $PSScriptRoot/EmulatorSuite.ps1 }):
# imports the built module and the helpers, connects, and leaves in the caller's scope $ModulePath, $suffix (unique
# names for this suite's resources) and $pre (a schema, a dataset and a Shopify base connection to build flows on).
$ModulePath = Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

Connect-Platform -Emulator -Reset | Out-Null
$suffix = New-TestSuffix
$pre = New-ShopifyFlowPrerequisite -Suffix $suffix
