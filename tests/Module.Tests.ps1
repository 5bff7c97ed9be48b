#Requires -Version 7.0
# The module folder as PowerShell users get it: imports cleanly, exports what the manifest says, has full help, and
# formats its objects with its own table views.

BeforeDiscovery {
    $exportedCmdlets = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1')).CmdletsToExport |
        ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    $ModulePath = Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1'
    $module = Import-Module $ModulePath -Force -PassThru -WarningVariable importWarnings -WarningAction SilentlyContinue
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    $manifest = Import-PowerShellDataFile -Path $ModulePath
}

Describe 'The module' -Tag Metadata {
    It 'imports with no warnings' {
        $importWarnings | Should -BeNullOrEmpty
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        $module.ExportedCommands.Values | Where-Object { $_.Verb -notin $approved } | Should -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $exported = (Get-Command -Module PlatformFlow -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Keys | Should -BeNullOrEmpty
        $module.ExportedAliases.Keys | Should -BeNullOrEmpty
    }

    It 'has a manifest that PowerShell accepts' {
        { Test-ModuleManifest -Path $ModulePath -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Parameter metadata of <Name>' -Tag Metadata -ForEach $exportedCmdlets {
    # PowerShell resolves a cmdlet's parameters only when asked; a clash (a parameter and an alias equal but for case,
    # two parameters at one position in a set) throws then, for every call of the cmdlet. Nothing short of real
    # PowerShell shows it.
    It 'resolves its parameters, its syntax and each parameter set' {
        $command = Get-Command -Name $Name
        { $command.Parameters } | Should -Not -Throw
        @($command.Parameters.Keys).Count | Should -BeGreaterThan 0
        { Get-Command -Name $Name -Syntax } | Should -Not -Throw
        (Get-Command -Name $Name -Syntax) | Should -BeLike "*$Name*"
        foreach ($set in $command.ParameterSets) {
            { $set.Parameters.Name } | Should -Not -Throw
        }
    }
}

Describe 'Help of <Name>' -Tag Metadata -ForEach $exportedCmdlets {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $command = Get-Command -Name $Name
    }

    It 'has a synopsis of its own, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example that uses it' {
        $examples = @($help.examples.example)
        $examples | Should -Not -BeNullOrEmpty
        $examples[0].code | Should -BeLike "*$Name*"
    }

    It 'describes every parameter it shows' {
        $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
        $undescribed = foreach ($parameter in $command.Parameters.Values) {
            $hidden = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }
            if ($parameter.Name -in $commonParameters -or $hidden) {
                continue
            }

            $helpParameter = $help.parameters.parameter | Where-Object { $_.name -eq $parameter.Name }
            if (-not ($helpParameter.description.Text -join '').Trim()) {
                $parameter.Name
            }
        }

        $undescribed | Should -BeNullOrEmpty -Because 'every parameter needs a description in docs/cmdlets/<name>.md'
    }
}

Describe 'Table views' {
    BeforeAll {
        Connect-Platform -Emulator | Out-Null
        $suffix = New-TestSuffix
        $flow = New-ShopifyTestFlow -FlowName "Format $suffix" -Prerequisite (New-ShopifyFlowPrerequisite -Suffix $suffix)
    }

    It 'shows a dataflow by name, state, schedule in words and last run' {
        $table = Get-Dataflow -Id $flow.Id | Format-Table | Out-String -Width 120
        $table | Should -Match 'Name\s+State\s+Schedule\s+LastRunStatus\s+LastRunTime'
        $table | Should -Match "Format $suffix\s+enabled\s+once\s+Queued"
    }

    It 'shows a run by flow, status, start, duration, failed records and errors' {
        $table = $flow | Get-FlowRun | Format-Table | Out-String -Width 120
        $table | Should -Match 'FlowName\s+Status\s+StartedAt\s+Duration\s+RecordsFailed\s+Errors'
        $table | Should -Match ([regex]::Escape($flow.Name))
    }

    It 'shows a context as a list: environment, sandbox, org and authentication' {
        $shown = Get-PlatformContext | Out-String -Width 120
        $shown | Should -Match 'Environment\s+: Emulator'
        $shown | Should -Match 'Sandbox\s+: prod'
        $shown | Should -Match 'AuthenticationType\s+: OAuthServerToServer'
    }

    It 'keeps tables for what a script writes after the context it connected with' {
        $output = & { Connect-Platform -Emulator; Get-Dataflow -Id $flow.Id; Get-Dataflow -Id $flow.Id } | Out-String -Width 120

        $output | Should -Match 'Name\s+State\s+Schedule\s+LastRunStatus'
        $output | Should -Match "(?m)^Format $suffix\s+enabled"
        $output | Should -Not -Match '(?m)^(Name|FlowSpec)\s+: '
    }
}

Describe 'Get-PlatformContext' {
    It 'never shows the client secret or the access token of the emulator context' {
        Connect-Platform -Emulator | Out-Null
        $context = Get-PlatformContext
        $shown = ($context | Out-String -Width 250) + ($context | Format-List -Property * | Out-String -Width 250)

        $shown | Should -Match 'Emulator'
        $shown.Contains((Get-EmulatorEngine).Options.Credentials.ClientSecret) | Should -BeFalse
        $shown.Contains((Get-CurrentAccessToken)) | Should -BeFalse
    }

    It 'never shows a token given with -AccessToken, even when sign-in fails' {
        # Sign-in proves the token with one call, so a gateway nobody answers on fails at Connect-Platform itself.
        $token = "token-$(New-TestSuffix)"
        $before = Get-PlatformContext
        $failure = $null
        try {
            Connect-Platform -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -ClientId 'pester-client' -OrgId 'PESTER@AdobeOrg' -BaseUri 'http://127.0.0.1:9' -ErrorAction Stop
        } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        # Refused connections are retried, but only for the sign-in's own 20 s, not the whole retry budget.
        $failure.Exception.Message | Should -Match 'Signing in to http://127\.0\.0\.1:9/? got no answer within 20 s \(retried until then\)'
        $shown = ($failure | Out-String -Width 250) + ($failure | Get-Error | Out-String -Width 250) + (Get-PlatformContext | Format-List -Property * | Out-String -Width 250)
        $shown.Contains($token) | Should -BeFalse
        # A failed sign-in leaves no context current; the one before stays usable with -Context.
        Get-PlatformContext | Should -BeNullOrEmpty
        Get-PlatformContext -ListAvailable | Should -Contain $before
    }
}

Describe 'Connect-Platform -Emulator -Reset' {
    It 'starts from an empty emulator while a context connected before keeps its own' {
        $before = Connect-Platform -Emulator
        $name = "Reset $(New-TestSuffix)"
        $token = ConvertTo-SecureString 'shpat-reset-test' -AsPlainText -Force
        New-BaseConnection -Name $name -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $token } | Out-Null

        $after = Connect-Platform -Emulator -Reset

        @(Get-BaseConnection -Name "$name*") | Should -HaveCount 0
        @(Get-BaseConnection -Name "$name*" -Context $before) | Should -HaveCount 1
        $after.Emulator | Should -Not -Be $before.Emulator
        (Get-PlatformContext).Emulator | Should -Be $after.Emulator
        @(Get-FlowSpec -Name CRMToAEP) | Should -HaveCount 1 -Because 'the seeded specs are there from the start'
    }
}
