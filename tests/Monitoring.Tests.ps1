#Requires -Version 7.0
# Watching flows (issue 20): runs as flat, typed objects; every failed run of the sandbox in one call, in a few
# requests; a run's failed records, its batch and the records that landed; Wait-FlowRun's hint; a failed record
# rehearsed with Test-MappingSet. The end-to-end parts run against the embedded emulator and the standalone host alike,
# through what a user has: the module's cmdlets, and the emulator's documented planned-failure hook.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorKinds.ps1')

    function Add-PlannedRunFailure($Emulator, [string] $FlowId, [string] $Code, [string] $Message) {
        # The emulator's documented hook (about_PlatformFlow_Emulator): a connector fault for the flow's next run.
        if ($Emulator.Kind -eq 'embedded') {
            (Get-EmulatorEngine).FlowService.Runs.PlanFailure($FlowId, $Code, $Message, 1) | Out-Null
        } else {
            $headers = @{ Authorization = 'Bearer monitoring'; 'x-api-key' = 'monitoring'; 'x-gw-ims-org-id' = 'MONITORING@AdobeOrg'; 'x-sandbox-name' = 'prod' }
            $body = @{ code = $Code; message = $Message; runs = 1 } | ConvertTo-Json
            Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/emulator/flows/$FlowId/plannedFailures" -Headers $headers -Body $body -ContentType 'application/json' | Out-Null
        }
    }

    function Measure-PlatformRequest([scriptblock] $Command) {
        # Runs the command with -Verbose on and returns what it wrote and the platform calls it made, one per HTTP trace
        # line (the client's own trace, so it counts the same against either emulator).
        $VerbosePreference = 'Continue'
        $written = [Collections.Generic.List[object]]::new()
        $calls = [Collections.Generic.List[string]]::new()
        & $Command 4>&1 | ForEach-Object {
            if ($_ -is [Management.Automation.VerboseRecord]) {
                if ($_.Message -match '^(GET|POST|PATCH|PUT|DELETE) /data/') { $calls.Add($_.Message) }
            } else {
                $written.Add($_)
            }
        }
        [pscustomobject]@{ Written = $written.ToArray(); Calls = $calls.ToArray() }
    }

    function Wait-Until([scriptblock] $Condition, [int] $Seconds = 60) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Still not so after $Seconds s: $Condition" }
            Start-Sleep -Milliseconds 250
        }
    }

    function New-TutorialFlow([string] $Name, $Prerequisite, [hashtable] $Mapping, [string[]] $Column = @('Email', 'Phone')) {
        # The README's tutorial flow (Shopify.Orders into a profile dataset), with the mapping asked for.
        New-SourceConnection -Name $Name -BaseConnectionId $Prerequisite.BaseConnection.Id -TableName Shopify.Orders -Column $Column |
            New-TargetConnection -DatasetId $Prerequisite.Dataset.Id |
            New-MappingSet -Mapping $Mapping |
            Get-FlowSpec |
            New-Dataflow -Frequency Once
    }

    function Get-DocumentedRecordCount([string] $Table) {
        # The record count docs/emulator.md gives the table: the number on the table's row of its data sets.
        $row = Get-Content (Join-Path $PSScriptRoot '../docs/emulator.md') | Where-Object { $_ -match "^\|.*``?$([regex]::Escape($Table))``?\s*\|" } | Select-Object -First 1
        $row | Should -Not -BeNullOrEmpty -Because "docs/emulator.md documents the records of $Table"
        [long](($row -split '\|' | ForEach-Object Trim | Where-Object { $_ -match '^[\d,]+$' } | Select-Object -First 1) -replace ',', '')
    }

    function Get-DocumentedFlawCount([string] $Table, [string] $Column, [string] $Flaw) {
        # The count docs/emulator.md gives for one flaw of one column (its table of imperfections).
        $pattern = "^\|\s*``$([regex]::Escape($Table))``\s*\|\s*``$([regex]::Escape($Column))``\s*\|\s*$([regex]::Escape($Flaw))\s*\|\s*([\d,]+)\s*\|"
        $row = Get-Content (Join-Path $PSScriptRoot '../docs/emulator.md') | Where-Object { $_ -match $pattern } | Select-Object -First 1
        $row | Should -Not -BeNullOrEmpty -Because "docs/emulator.md documents the $Flaw values of $Table.$Column"
        $null = $row -match $pattern
        [long]($Matches[1] -replace ',', '')
    }
}

Describe 'Get-FlowRun objects' {
    BeforeAll {
        Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(1200))
        $flow = "Flat $suffix" | New-ShopifyTestFlow -Prerequisite $pre
        $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 60 -ErrorAction SilentlyContinue
    }

    It 'name their flow and give the counts, errors and times as their own typed values' {
        $run.FlowId | Should -Be $flow.Id
        $run.FlowName | Should -Be $flow.Name
        $run.RecordsRead | Should -BeOfType [long]
        $run.RecordsRead | Should -Be $run.Metrics.RecordSummary.InputRecordCount
        $run.RecordsWritten | Should -Be $run.Metrics.RecordSummary.OutputRecordCount
        $run.RecordsFailed | Should -Be $run.Metrics.RecordSummary.FailedRecordCount
        $run.StartedAt | Should -BeOfType [DateTimeOffset]
        $run.CompletedAt | Should -BeGreaterThan $run.StartedAt
        , $run.Errors | Should -BeOfType ([Collections.IEnumerable])
        ($flow | Get-FlowRun).FlowName | Should -Be $flow.Name
        (Get-FlowRun -RunId $run.Id).FlowName | Should -Be $flow.Name
    }

    It 'keep Duration a TimeSpan that sorts and compares' {
        $run.Duration | Should -BeOfType [TimeSpan]
        $run.Duration | Should -Be ($run.CompletedAt - $run.StartedAt)
        $run.Duration.TotalSeconds | Should -BeGreaterThan 1
        ($run | Where-Object Duration -GT ([TimeSpan]::FromMilliseconds(500))) | Should -HaveCount 1
    }

    It 'write the duration as one JSON value that reads back as the same TimeSpan' {
        $json = $run | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue | ConvertFrom-Json

        $json.Duration | Should -BeOfType [string]
        [TimeSpan]::Parse($json.Duration) | Should -Be $run.Duration
        $json.FlowName | Should -Be $flow.Name
        $json.RecordsRead | Should -Be $run.RecordsRead
    }

    It 'export to CSV as plain values: no cell over 500 characters, no type names' {
        $csv = Join-Path $TestDrive 'runs.csv'
        $run | Export-Csv -LiteralPath $csv
        $row = Import-Csv -LiteralPath $csv

        foreach ($cell in $row.PSObject.Properties) {
            $cell.Value.Length | Should -BeLessOrEqual 500 -Because "$($cell.Name) is one cell"
            $cell.Value | Should -Not -Match 'PlatformFlow\.|System\.|\[\]' -Because "$($cell.Name) shows values, not types"
        }
        $row.Duration | Should -Be $run.Duration.ToString()
        $row.FlowName | Should -Be $flow.Name
        $row.Activities | Should -Match '^copyActivity: \w+, promotionActivity: \w+$'
    }

    It 'refuse a -Status that is no run status once, as the command is bound, before any request' {
        $other = "Flat other $suffix" | New-ShopifyTestFlow -Prerequisite $pre
        $mark = Get-EmulatorJournalMark

        { @($flow, $other, $flow) | Get-FlowRun -Status Failed, Broken -ErrorAction Stop } |
            Should -Throw -ExceptionType ([Management.Automation.ParameterBindingException]) -ExpectedMessage "*'Broken' is not a run status*"
        Get-EmulatorRequestSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'show a table whose every column is a property of the run' {
        $labels = ((Get-FormatData -TypeName $run.PSTypeNames[0]).FormatViewDefinition |
            Where-Object { $_.Control -is [Management.Automation.TableControl] }).Control.Headers.Label

        $labels | Should -Contain 'FlowName'
        foreach ($label in $labels) { $run.PSObject.Properties.Name | Should -Contain $label }
        $run | Format-Table | Out-String -Width 120 | Should -Match ([regex]::Escape($flow.Name))
    }

    It 'leave plain objects to the context they are piped in, once records were written' {
        Get-DatasetRecord -DatasetId $pre.Dataset.Id -First 1 | Should -HaveCount 1
        Connect-Platform -Emulator -Sandbox dev | Out-Null
        try {
            $found = [pscustomobject]@{ Id = $pre.Dataset.Id } | Get-Dataset -ErrorVariable notInDev -ErrorAction SilentlyContinue
        } finally {
            Connect-Platform -Emulator | Out-Null
        }

        $found | Should -BeNullOrEmpty -Because 'the dataset is in prod, and the row was piped in dev'
        $notInDev | Should -HaveCount 1
    }

    It 'take the statuses in the platform''s spelling too' {
        { Get-FlowRun -FlowId $flow.Id -Status PARTIAL_SUCCESS, in_progress, success } | Should -Not -Throw
        (Get-FlowRun -FlowId $flow.Id -Status SUCCESS).Id | Should -Be @($flow | Get-FlowRun -Status Success).Id
    }
}

Describe 'Failed runs of 200 flows since yesterday, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_ -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromSeconds(1))
        $many = New-ShopifyFlowPrerequisite -Suffix "many-$(New-TestSuffix)"
        $flows = 1..200 | ForEach-Object { [pscustomobject]@{ Name = "Failing $_" } } |
            New-SourceConnection -BaseConnectionId $many.BaseConnection.Id -TableName Shopify.Orders -Column Email -ThrottleLimit 16 |
            New-TargetConnection -DatasetId $many.Dataset.Id -ThrottleLimit 16 |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -ThrottleLimit 16 |
            Get-FlowSpec |
            New-Dataflow -Frequency Once -StartTime ([DateTimeOffset]::UtcNow.AddSeconds(5)) -ThrottleLimit 16
        $flows | ForEach-Object { Add-PlannedRunFailure -Emulator $emulator -FlowId $_.Id -Code 'CONNECTOR-2001-500' -Message 'The shop refused the request.' }
        Wait-Until { @(Get-FlowRun -Status Failed).Count -eq 200 } -Seconds 90
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'are listed by one Get-FlowRun call in at most 3 requests, each named and with its error' {
        $measured = Measure-PlatformRequest { Get-FlowRun -Status Failed -Since (Get-Date).AddDays(-1) }

        $measured.Written | Should -HaveCount 200
        $measured.Calls.Count | Should -BeLessOrEqual 3 -Because "the runs listing filters itself and the flows are listed once:`n$($measured.Calls -join "`n")"
        $measured.Calls | Where-Object { $_ -match '^GET /data/foundation/flowservice/runs\?' } | ForEach-Object {
            $_ | Should -Match 'metrics\.statusSummary\.status%3D%3DFAILED'
            $_ | Should -Match 'createdAt%3E\d+'
        }
        ($measured.Written.FlowName | Sort-Object -Unique) | Should -Be ($flows.Name | Sort-Object -Unique)
        $measured.Written | ForEach-Object { $_.Errors[0].Code } | Sort-Object -Unique | Should -Be 'CONNECTOR-2001-500'
    }

    It 'have no failed records to read, and Wait-FlowRun says how to run one again' {
        $run = Get-FlowRun -FlowId $flows[0].Id

        $run.BatchId | Should -BeNullOrEmpty
        $run | Get-FailedRecord | Should -BeNullOrEmpty
        $null = $run | Wait-FlowRun -PollInterval 1 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.RecommendedAction | Should -Be "It wrote no failed records to read; run it again with: Restart-FlowRun -RunId $($run.Id)"
    }
}

Describe 'What a run of the tutorial flow did to the data, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_ -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromSeconds(1))
        $tutorial = New-ShopifyFlowPrerequisite -Suffix "tutorial-$(New-TestSuffix)"
        $flow = New-TutorialFlow -Name "Tutorial $suffix" -Prerequisite $tutorial -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' }
        $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 90 -ErrorVariable runFailure -ErrorAction SilentlyContinue
        $sourceRows = (Get-SourceTable -BaseConnectionId $tutorial.BaseConnection.Id -TableName Shopify.Orders -Preview).Preview
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'reads the table''s documented record count, each either written or failed' {
        $run.RecordsRead | Should -Be (Get-DocumentedRecordCount -Table Shopify.Orders)
        $run.RecordsRead | Should -Be ($run.RecordsWritten + $run.RecordsFailed)
        $run.RecordsFailed | Should -BeGreaterThan 0 -Because 'the data set makes some emails and phone numbers malformed'
        $run.Status | Should -Be 'PartialSuccess'
        $run.BatchId | Should -Not -BeNullOrEmpty
    }

    It 'lands records whose personalEmail.address come from the source rows' {
        $records = Get-Dataset -Name $tutorial.Dataset.Name | Get-DatasetRecord -First 5

        $records | Should -HaveCount 5
        $records | ForEach-Object {
            $_ -is [Management.Automation.PSCustomObject] | Should -BeTrue -Because 'a record is an object, not a dictionary'
            $_.personalEmail -is [Management.Automation.PSCustomObject] | Should -BeTrue -Because 'XDM''s nesting is kept'
            $_.personalEmail -is [Collections.IDictionary] | Should -BeFalse
            $_.personalEmail.address | Should -BeIn $sourceRows.Email
            $_._acp_system_metadata.acp_sourceBatchId | Should -Be $run.BatchId
        }
        $run | Get-Batch | Get-DatasetRecord -First 2 | Should -HaveCount 2
    }

    It 'gives exactly RecordsFailed failed records, each naming its code, message and field' {
        $failed = @($run | Get-FlowRun | Get-FailedRecord)

        $failed | Should -HaveCount $run.RecordsFailed
        $failed | ForEach-Object {
            $_.Code | Should -Not -BeNullOrEmpty
            $_.Message | Should -Not -BeNullOrEmpty
            $_.Field | Should -BeIn 'personalEmail.address', 'mobilePhone.number'
            $_.RunId | Should -Be $run.Id
            $_.BatchId | Should -Be $run.BatchId
            $_.FlowName | Should -Be $flow.Name
            $_.Record -is [Management.Automation.PSCustomObject] | Should -BeTrue
            $_.Record.PSObject.Properties.Name | Should -Contain 'Email'
        }
        @(Get-FailedRecord -RunId $run.Id -First 3) | Should -HaveCount 3
        @(Get-FailedRecord -BatchId $run.BatchId -First 1)[0].Row | Should -Be $failed[0].Row
        @($flow | Get-FailedRecord -First 1)[0].Row | Should -Be $failed[0].Row -Because 'a flow stands for its last run'
    }

    It 'rehearses a failed record with Test-MappingSet -Sample, which predicts the run''s code and message' {
        $failed = $run | Get-FailedRecord -First 1

        $flow | Get-SourceConnection |
            Test-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' } -SchemaId $tutorial.Schema.Id -Sample $failed.Record -ErrorVariable rehearsal -ErrorAction SilentlyContinue |
            Out-Null

        $rehearsal | Should -Not -BeNullOrEmpty
        $rehearsal[0].FullyQualifiedErrorId | Should -BeLike "$($failed.Code),*"
        $rehearsal[0].Exception.Message | Should -BeLike "*$($failed.Message)*"
    }

    It 'writes the batch the run wrote, tied to its flow and run, from the run, the flow and the dataset' {
        $batch = $run | Get-Batch

        $batch.Id | Should -Be $run.BatchId
        $batch.RunId | Should -Be $run.Id
        $batch.FlowId | Should -Be $flow.Id
        $batch.DatasetId | Should -Be $tutorial.Dataset.Id
        $batch.Status | Should -Be 'success'
        $batch.RecordsFailed | Should -Be $run.RecordsFailed
        $batch.RecordsWritten | Should -Be $run.RecordsWritten
        ($flow | Get-Batch).Id | Should -Be $batch.Id
        (Get-Dataset -Id $tutorial.Dataset.Id | Get-Batch -Status success -Since (Get-Date).AddDays(-1)).Id | Should -Contain $batch.Id
        Get-Batch -DatasetId $tutorial.Dataset.Id -Status failed | Should -BeNullOrEmpty
        ($batch | Get-FlowRun).Id | Should -Be $run.Id
        @($batch | Get-FailedRecord) | Should -HaveCount $run.RecordsFailed
    }

    It 'has Wait-FlowRun say the counts, the first errors and the exact command that lists the failed records' {
        $runFailure | Should -HaveCount 1
        $runFailure[0].FullyQualifiedErrorId | Should -BeLike 'FlowRunPartialSuccess,*'
        $message = $runFailure[0].Exception.Message
        $message | Should -BeLike "*$($run.RecordsRead) records read, $($run.RecordsWritten) written, $($run.RecordsFailed) failed*"
        $message | Should -BeLike "*$($run.Errors[0].Code)*"
        $command = $runFailure[0].ErrorDetails.RecommendedAction -replace '^List its failed records with: ', ''
        $command | Should -Be "Get-FlowRun -RunId $($run.Id) | Get-FailedRecord"
        @(Invoke-Expression $command) | Should -HaveCount $run.RecordsFailed
    }

    It 'reports a run or batch the platform does not know as an error naming it, with the platform''s code, and goes on' {
        $records = @('not-a-run', $run.Id) | Get-FailedRecord -First 1 -ErrorVariable unknownRun -ErrorAction SilentlyContinue
        Get-Batch -Id 'not-a-batch' -ErrorVariable unknownBatch -ErrorAction SilentlyContinue

        $records | Should -HaveCount 1 -Because 'the next input is still read'
        $unknownRun | Should -HaveCount 1
        $unknownRun[0].FullyQualifiedErrorId | Should -Match '-404,PlatformFlow\.Commands\.GetFailedRecordCommand$'
        $unknownRun[0].TargetObject | Should -Be 'not-a-run'
        $unknownBatch | Should -HaveCount 1
        $unknownBatch[0].FullyQualifiedErrorId | Should -Match '404,PlatformFlow\.Commands\.GetBatchCommand$'
        $unknownBatch[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows failed records and batches in their views' {
        $failed = $run | Get-FailedRecord -First 1
        $batch = $run | Get-Batch
        foreach ($sample in $failed, $batch) {
            $labels = ((Get-FormatData -TypeName $sample.PSTypeNames[0]).FormatViewDefinition |
                Where-Object { $_.Control -is [Management.Automation.TableControl] }).Control.Headers.Label
            foreach ($label in $labels) { $sample.PSObject.Properties.Name | Should -Contain $label }
            $table = @(($sample | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
            $table | Should -HaveCount 3
            $sample | Format-List | Out-String -Width 120 | Should -Not -Match 'PlatformFlow\.Client|System\.Collections'
        }
    }
}

Describe 'New-Dataflow -PartialIngestionPercent' {
    BeforeAll {
        Connect-Platform -Emulator | Out-Null
        Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(500))
        # The suites above reset the emulator: this one's own schema, dataset and shop.
        $strictPre = New-ShopifyFlowPrerequisite -Suffix "strict-$(New-TestSuffix)"
        # A flow's parts up to its flow spec, mapping the emails the data set makes malformed (4.4 % of the records).
        $emailParts = {
            param([string] $Name)
            New-SourceConnection -Name $Name -BaseConnectionId $strictPre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
                New-TargetConnection -DatasetId $strictPre.Dataset.Id |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
                Get-FlowSpec
        }
    }

    It 'fails a run whose failed share is above the threshold, and then nothing lands' {
        $strict = & $emailParts "Strict $suffix" | New-Dataflow -Frequency Once -PartialIngestionPercent 1

        $strict.PartialIngestionPercent | Should -Be 1
        (Get-Dataflow -Id $strict.Id).PartialIngestionPercent | Should -Be 1
        $run = $strict | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 60 -ErrorVariable failure -ErrorAction SilentlyContinue
        $run.Status | Should -Be 'Failed' -Because 'more than 1 % of the emails are malformed'
        $run.RecordsWritten | Should -Be 0
        $run.RecordsFailed | Should -BeGreaterThan 0
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FlowRunFailed,*'
    }

    It 'makes a different threshold on a flow of the same name a difference: refused, or changed with -UpdateExisting' {
        $name = "Threshold $suffix"
        $first = & $emailParts $name | New-Dataflow -Frequency Once -PartialIngestionPercent 10

        & $emailParts $name | New-Dataflow -Frequency Once -PartialIngestionPercent 20 -ErrorVariable conflict -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $conflict[0].FullyQualifiedErrorId | Should -BeLike 'PartConflict,*'
        $conflict[0].Exception.Message | Should -Match 'partialIngestionPercent'
        $updated = & $emailParts $name | New-Dataflow -Frequency Once -PartialIngestionPercent 20 -UpdateExisting
        $updated.DataflowOutcome | Should -Be 'Updated'
        (Get-Dataflow -Id $first.Id).PartialIngestionPercent | Should -Be 20
    }

    It 'is refused before the flow is sent when the flow spec''s optionSpec refuses it' {
        $mark = Get-EmulatorJournalMark

        & $emailParts "Zero $suffix" | New-Dataflow -Frequency Once -PartialIngestionPercent 0 -ErrorVariable refused -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $refused[0].Exception.Message | Should -Match 'partialIngestionPercent'
        Get-EmulatorWriteSince -Mark $mark | Where-Object { $_.Method -eq 'POST' -and $_.Path -like '*/flowservice/flows' } | Should -BeNullOrEmpty
    }
}

Describe 'What the data makes of a mapping, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_ -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromSeconds(1))
        $data = New-ShopifyFlowPrerequisite -Suffix "data-$(New-TestSuffix)"

        function Invoke-CustomerRun([string] $Name, [string[]] $Column, [hashtable] $Mapping) {
            # A once flow over Shopify.Customers with the mapping asked for, and its finished run.
            $flow = New-SourceConnection -Name $Name -BaseConnectionId $data.BaseConnection.Id -TableName Shopify.Customers -Column $Column |
                New-TargetConnection -DatasetId $data.Dataset.Id |
                New-MappingSet -Mapping $Mapping |
                Get-FlowSpec |
                New-Dataflow -Frequency Once
            $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 90 -ErrorAction SilentlyContinue
        }

        $clean = Invoke-CustomerRun -Name "Clean $suffix" -Column Id, Last_Name -Mapping @{ Last_Name = 'person.name.lastName' }
        $emails = Invoke-CustomerRun -Name "Emails $suffix" -Column Id, Email -Mapping @{ Email = 'personalEmail.address' }
        $integers = Invoke-CustomerRun -Name "Integers $suffix" -Column Id, First_Name -Mapping @{ '=to_integer(First_Name)' = 'person.name.firstName' }
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'runs a mapping of columns the data leaves clean to SUCCESS with no failed record' {
        $clean.Status | Should -Be 'Success'
        $clean.RecordsRead | Should -Be (Get-DocumentedRecordCount -Table Shopify.Customers)
        $clean.RecordsWritten | Should -Be $clean.RecordsRead
        $clean.RecordsFailed | Should -Be 0
        $clean.Errors | Should -BeNullOrEmpty
    }

    It 'fails exactly the records whose emails the data set made malformed, on personalEmail.address' {
        $failed = @($emails | Get-FailedRecord)

        $emails.Status | Should -Be 'PartialSuccess'
        $emails.RecordsFailed | Should -Be (Get-DocumentedFlawCount -Table Shopify.Customers -Column Email -Flaw 'malformed email')
        $failed | Should -HaveCount $emails.RecordsFailed
        $failed | ForEach-Object {
            $_.Field | Should -Be 'personalEmail.address'
            $_.Record.Email | Should -Not -BeNullOrEmpty -Because 'an empty email leaves the field out; it fails nothing'
            # A well-formed address: a local part of dot-separated words, one @, a domain with a top-level part.
            $_.Record.Email | Should -Not -Match '^[^@\s.]+(\.[^@\s.]+)*@[^@\s.]+(\.[^@\s.]+)+$' -Because 'only a malformed email fails'
        }
        $emails.RecordsWritten | Should -Be ($emails.RecordsRead - $emails.RecordsFailed)
    }

    It 'fails a calculated field that cannot convert the names with MAPPER errors' {
        $integers.Status | Should -BeIn 'Failed', 'PartialSuccess'
        $integers.RecordsFailed | Should -BeGreaterThan 0
        $integers.Errors.Code | ForEach-Object { $_ | Should -BeLike 'MAPPER-*' }
        @($integers | Get-FailedRecord -First 3) | ForEach-Object {
            $_.Code | Should -BeLike 'MAPPER-*'
            $_.Field | Should -Be 'person.name.firstName'
        }
    }
}
