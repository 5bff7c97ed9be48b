#Requires -Version 7.0
# Help beyond the cmdlets' own: the about_ topics PowerShell finds for the module, and each cmdlet's online page.

BeforeDiscovery {
    $exportedCmdlets = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1')).CmdletsToExport |
        ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    $ModulePath = Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1'
    Import-Module $ModulePath -Force
    $projectUri = (Import-PowerShellDataFile -Path $ModulePath).PrivateData.PSData.ProjectUri
}

Describe 'The about_ topics' {
    It 'are found by Get-Help about_PlatformFlow*' {
        (Get-Help about_PlatformFlow* | Sort-Object Name).Name | Should -Be 'about_PlatformFlow', 'about_PlatformFlow_Emulator'
    }

    It 'about_PlatformFlow explains a flow''s parts, contexts and sandboxes, the emulator, bulk onboarding, -WhatIf, errors and retries' {
        $text = Get-Help about_PlatformFlow | Out-String
        foreach ($section in 'SHORT DESCRIPTION', 'A FLOW''S PARTS', 'CONTEXTS AND SANDBOXES', 'THE EMULATOR', 'BULK ONBOARDING', 'REHEARSING WITH -WHATIF', 'ERRORS AND RETRIES', 'TAB COMPLETION') {
            $text | Should -Match "(?m)^$([regex]::Escape($section))\s*$"
        }
        $text | Should -Match 'PLATFORMFLOW_CLIENT_SECRET'
    }

    It 'about_PlatformFlow_Emulator explains the emulator in PowerShell and standalone' {
        $text = Get-Help about_PlatformFlow_Emulator | Out-String
        foreach ($section in 'SHORT DESCRIPTION', 'IN POWERSHELL', 'WHAT IT HOLDS', 'RUNS', 'STANDALONE') {
            $text | Should -Match "(?m)^$([regex]::Escape($section))\s*$"
        }
        $text | Should -Match 'Connect-Platform -Emulator -Reset'
    }
}

Describe 'Online help of <Name>' -ForEach $exportedCmdlets {
    It 'points at its page in docs/ on the project''s public home' {
        (Get-Command -Name $Name).HelpUri | Should -Be "$projectUri/blob/main/docs/cmdlets/$Name.md"
        Join-Path $PSScriptRoot "../docs/cmdlets/$Name.md" | Should -Exist
    }
}
