#Requires -Version 7.0
# The flow pipeline in real PowerShell, against the embedded emulator: the tutorial as one expression, the short form,
# bulk onboarding from a CSV, -WhatIf, ForEach-Object -Parallel, -ErrorAction Stop, -Verbose and stopping.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $crmToAepId = '14518937-270c-4525-bdec-c2ba7cce3860'
}

Describe 'The tutorial as one pipeline expression' {
    BeforeAll {
        $flow = New-SourceConnection -Name "Tutorial $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone |
            New-TargetConnection -DatasetId $pre.Dataset.Id -SchemaId $pre.Schema.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } |
            Get-FlowSpec -Name CRMToAEP |
            New-Dataflow -Frequency Once
    }

    It 'creates one dataflow named after the flow' {
        $flow | Should -HaveCount 1
        $flow.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.Models.Dataflow'
        $flow.Name | Should -Be "Tutorial $suffix"
        $flow.ScheduleParams.Frequency | Should -Be 'once'
    }

    It 'carries the ids of every step of the pipeline' {
        $flow.FlowName | Should -Be "Tutorial $suffix"
        $flow.BaseConnectionId | Should -Be $pre.BaseConnection.Id
        $flow.DatasetId | Should -Be $pre.Dataset.Id
        $flow.SchemaId | Should -Be $pre.Schema.Id
        $flow.FlowSpecId | Should -Be $crmToAepId
        $flow.SourceConnectionIds | Should -Be @($flow.SourceConnectionId)
        $flow.TargetConnectionIds | Should -Be @($flow.TargetConnectionId)
        $flow.MappingSetId | Should -Not -BeNullOrEmpty
    }

    It 'names each part after the flow and reads the chosen columns' {
        $source = Get-SourceConnection -Id $flow.SourceConnectionId
        $source.Name | Should -Be "Tutorial $suffix source"
        $source.Params.Columns.Name | Should -Be @('Email', 'Phone')
        (Get-TargetConnection -Id $flow.TargetConnectionId).Name | Should -Be "Tutorial $suffix target"
    }
}

Describe 'The short form with defaults' {
    BeforeAll {
        $before = [DateTimeOffset]::FromUnixTimeSeconds([DateTimeOffset]::UtcNow.ToUnixTimeSeconds())
        $flow = New-SourceConnection -Name "Short $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow
    }

    It 'picks the flow spec that accepts the source, the dataset''s schema, and runs once from now' {
        $flow.FlowSpecId | Should -Be $crmToAepId
        $flow.SchemaId | Should -Be $pre.Schema.Id
        $flow.ScheduleParams.Frequency | Should -Be 'once'
        $flow.ScheduleParams.StartTime | Should -BeGreaterOrEqual $before
        $flow.ScheduleParams.StartTime | Should -BeLessOrEqual ([DateTimeOffset]::UtcNow)
    }

    It 'reads all of the table''s columns when none is named' {
        (Get-SourceConnection -Id $flow.SourceConnectionId).Params.Columns.Name | Should -Contain 'Shipping_Address_Phone'
    }
}

Describe 'Bulk onboarding from a CSV file' {
    BeforeAll {
        $missingBaseConnectionId = '00000000-0000-0000-0000-000000000007'
        $rows = 1..20 | ForEach-Object {
            [pscustomobject]@{
                Name             = 'Bulk {0} {1:00}' -f $suffix, $_
                BaseConnectionId = if ($_ -eq 7) { $missingBaseConnectionId } else { $pre.BaseConnection.Id }
                TableName        = 'Shopify.Orders'
                Column           = if ($_ -eq 13) { 'Email;Fax' } elseif ($_ % 2) { 'Email;Phone' } else { 'Email:string,Phone' }
            }
        }
        $csvPath = Join-Path $TestDrive 'shops.csv'
        $rows | Export-Csv -Path $csvPath -NoTypeInformation

        $flows = Import-Csv -Path $csvPath |
            New-SourceConnection -ErrorVariable rowErrors -ErrorAction SilentlyContinue |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Day -Interval 1
        $missingBaseError = $rowErrors | Where-Object { $_.TargetObject.Name -eq "Bulk $suffix 07" }
        $badColumnError = $rowErrors | Where-Object { $_.TargetObject.Name -eq "Bulk $suffix 13" }
    }

    It 'creates a flow for each of the 18 good rows' {
        $flows | Should -HaveCount 18
        $expected = 1..20 | Where-Object { $_ -notin 7, 13 } | ForEach-Object { 'Bulk {0} {1:00}' -f $suffix, $_ }
        $flows.Name | Should -Be $expected
        (Get-Dataflow -Name "Bulk $suffix *") | Should -HaveCount 18
    }

    It 'reports each bad row as one error record whose target is the CSV row' {
        $rowErrors | Should -HaveCount 2
        $missingBaseError | Should -HaveCount 1
        $missingBaseError.TargetObject.BaseConnectionId | Should -Be $missingBaseConnectionId
        $badColumnError | Should -HaveCount 1
        $badColumnError.TargetObject.Column | Should -Be 'Email;Fax'
    }

    It 'gives the missing base connection the platform''s not-found code, category and request id' {
        $missingBaseError.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missingBaseError.FullyQualifiedErrorId | Should -BeLike '*-404,PlatformFlow.Commands.NewSourceConnectionCommand'
        $missingBaseError.Exception.RequestId | Should -Not -BeNullOrEmpty
        $missingBaseError.ToString() | Should -BeLike "Bulk $suffix 07*"
    }

    It 'rejects the unknown column before sending anything, naming it' {
        $badColumnError.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $badColumnError.FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewSourceConnectionCommand'
        $badColumnError.ToString() | Should -BeLike "*'Fax'*"
    }
}

Describe '-ErrorAction Stop' {
    It 'stops the bulk run at the first bad row' {
        $csvPath = Join-Path $TestDrive 'halt.csv'
        1..5 | ForEach-Object {
            [pscustomobject]@{
                Name             = "Halt $suffix $_"
                BaseConnectionId = $pre.BaseConnection.Id
                TableName        = 'Shopify.Orders'
                Column           = if ($_ -eq 3) { 'Email;Fax' } else { 'Email' }
            }
        } | Export-Csv -Path $csvPath -NoTypeInformation

        {
            Import-Csv -Path $csvPath |
                New-SourceConnection -ErrorAction Stop |
                New-TargetConnection -DatasetId $pre.Dataset.Id |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
                Get-FlowSpec |
                New-Dataflow
        } | Should -Throw -ExpectedMessage "*'Fax'*"

        (Get-Dataflow -Name "Halt $suffix *").Name | Sort-Object | Should -Be @("Halt $suffix 1", "Halt $suffix 2")
    }

    It 'throws the platform''s own error record, not a wrapped one' {
        $caught = $null
        try {
            Get-Dataflow -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught | Should -Not -BeNullOrEmpty
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.FullyQualifiedErrorId | Should -BeLike '*,PlatformFlow.Commands.GetDataflowCommand'
        $caught.FullyQualifiedErrorId | Should -Not -BeLike 'GetDataflowFailed,*'
    }
}

Describe 'Select-Object -First stopping a listing' {
    It 'takes the first flow and ends the listing without an error' {
        $null = 1..3 | ForEach-Object { "First $suffix $_" } | New-ShopifyTestFlow -Prerequisite $pre

        $first = Get-Dataflow -Name "First $suffix *" -PageSize 1 -ErrorVariable listErrors | Select-Object -First 1

        $first | Should -HaveCount 1
        $listErrors | Should -BeNullOrEmpty
    }
}

Describe '-WhatIf over the whole pipeline' {
    It 'passes planned objects down every step and sends no write' {
        $mark = Get-EmulatorJournalMark

        $flow = New-SourceConnection -Name "WhatIf $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email -WhatIf |
            New-TargetConnection -DatasetId $pre.Dataset.Id -WhatIf |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -WhatIf |
            Get-FlowSpec |
            New-Dataflow -Frequency Hour -Interval 2 -WhatIf

        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        $flow.Id | Should -BeLike 'planned-*'
        $flow.State | Should -Be 'planned'
        $flow.SourceConnectionId | Should -BeLike 'planned-*'
        $flow.TargetConnectionId | Should -BeLike 'planned-*'
        $flow.MappingSetId | Should -BeLike 'planned-*'
        $flow.ScheduleParams.Interval | Should -Be 2
        Get-Dataflow -Name "WhatIf $suffix" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'plans the schema, dataset and base connection too under $WhatIfPreference' {
        $mark = Get-EmulatorJournalMark

        $WhatIfPreference = $true
        $schema = New-XdmSchema -Title "Planned $suffix" -Class profile -FieldGroup profile-personal-details
        $dataset = $schema | New-Dataset -Name "Planned $suffix"
        $base = New-BaseConnection -Name "Planned $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = 'planned' }
        $flow = $base |
            New-SourceConnection -Name "Planned $suffix" -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $dataset.Id -SchemaId $schema.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow
        $WhatIfPreference = $false

        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        foreach ($planned in $schema, $dataset, $base, $flow) {
            $planned.Id | Should -BeLike 'planned-*'
        }
        $flow.FlowSpecId | Should -Be $crmToAepId
    }

    It 'still catches what the platform would reject' {
        $mark = Get-EmulatorJournalMark

        New-SourceConnection -Name "Rejected $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Fax -WhatIf -ErrorVariable rejected -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $rejected | Should -HaveCount 1
        $rejected[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }
}

Describe 'ForEach-Object -Parallel onboarding' {
    It 'creates flows from parallel runspaces that import the module and use the one current context' {
        $names = 1..6 | ForEach-Object { "Parallel $suffix $_" }
        $modulePath = $ModulePath
        $baseConnectionId = $pre.BaseConnection.Id
        $datasetId = $pre.Dataset.Id

        # No Connect-Platform in the runspaces: the context connected above is process-wide.
        $flows = $names | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:modulePath
            New-SourceConnection -Name $_ -BaseConnectionId $using:baseConnectionId -TableName Shopify.Orders -Column Email |
                New-TargetConnection -DatasetId $using:datasetId |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
                Get-FlowSpec |
                New-Dataflow
        }

        $flows | Should -HaveCount 6
        (Get-Dataflow -Name "Parallel $suffix *").Name | Sort-Object | Should -Be ($names | Sort-Object)
    }
}

Describe '-Verbose' {
    BeforeAll {
        $verboseRecords = & {
            Connect-Platform -Emulator -Verbose | Out-Null
            New-BaseConnection -Name "Verbose $suffix" -ConnectionSpec Shopify -Verbose -Parameter @{
                host        = 'shop.example'
                accessToken = ConvertTo-SecureString $pre.ShopifyToken -AsPlainText -Force
            } | Out-Null
        } 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verboseText = ($verboseRecords.Message -join "`n")
    }

    It 'shows each HTTP call with its method, path, status, time and request id' {
        $verboseRecords.Message |
            Where-Object { $_ -match '^POST /data/foundation/flowservice/connections -> 20\d in \d+ ms \[request id \S+\]$' } |
            Should -HaveCount 1
        $verboseRecords.Message |
            Where-Object { $_ -match '^GET /data/foundation/flowservice/connections/\S+ -> 200 in \d+ ms \[request id \S+\]$' } |
            Should -Not -BeNullOrEmpty
    }

    It 'never shows the access token, the client secret or the shop''s access token' {
        $verboseText.Contains((Get-CurrentAccessToken)) | Should -BeFalse -Because 'the bearer token is a secret'
        $verboseText.Contains((Get-EmulatorEngine).Options.Credentials.ClientSecret) | Should -BeFalse -Because 'the client secret is a secret'
        $verboseText.Contains($pre.ShopifyToken) | Should -BeFalse -Because 'the Shopify accessToken is a secret'
    }
}

Describe 'Stopping a long Wait-FlowRun' {
    It 'ends promptly when its pipeline is stopped, as Ctrl+C does' {
        # The embedded emulator's runs end after seconds; make this one long enough to still be waited on when stopped.
        $emulatorOptions = (Get-EmulatorEngine).Options
        $runDuration = $emulatorOptions.RunDuration
        $emulatorOptions.RunDuration = [TimeSpan]::FromMinutes(10)
        $run = New-ShopifyTestFlow -FlowName "Waiting $suffix" -Prerequisite $pre | Get-FlowRun | Select-Object -First 1
        $mark = Get-EmulatorJournalMark
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript({
                    param($modulePath, $runId)
                    Import-Module $modulePath
                    Wait-FlowRun -RunId $runId -PollInterval 1 -Timeout 600
                }).AddArgument($ModulePath).AddArgument($run.Id)
            $null = $powershell.BeginInvoke()

            # Stop only once Wait-FlowRun is polling the run.
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not (Get-EmulatorRequestSince -Mark $mark | Where-Object { $_.Method -eq 'GET' -and $_.Path.EndsWith("/runs/$($run.Id)") }) -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 200
            }
            $powershell.InvocationStateInfo.State | Should -Be 'Running' -Because 'Wait-FlowRun is still waiting for the run'

            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $powershell.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $powershell.Dispose()
            $emulatorOptions.RunDuration = $runDuration
        }
    }
}
