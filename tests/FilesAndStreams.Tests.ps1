#Requires -Version 7.0
# Files and streams (issue 24): a delimited file in Amazon S3 and one in the Data Landing Zone each become a flow in one
# pipeline whose runs land records and report the malformed ones; a streaming (HTTP API) flow takes 1,000 Import-Csv rows
# through Send-StreamingRecord; CloudStorageToAEP's own minute rule refuses a schedule before anything is sent; a file
# flow's export, import into another sandbox and copy are idempotent. Against the embedded and the standalone emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorKinds.ps1')

    function New-ProfileDataset([string] $Name) {
        New-XdmSchema -Title $Name -Class profile -FieldGroup profile-person-details, profile-personal-details | New-Dataset -Name $Name
    }

    function Wait-AllFlowRun($Flow) {
        # Every run of the flow, once each has ended (a streaming flow may gather its records in more than one run).
        @($Flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 120 -ErrorAction SilentlyContinue)
    }

    function Get-MalformedEmail($Preview) {
        # The seeded customers file's flawed emails are those with no dot after the @ (docs/emulator.md, Shopify.Customers).
        @($Preview | Where-Object { $_.Email -and $_.Email -notmatch '@[^@]+\.[^@]+$' })
    }
}

Describe 'A delimited file of <Source.Name> becomes a flow in one pipeline, <Kind> emulator' -ForEach @(
    @{ Kind = 'embedded'; Source = @{ Name = 'Amazon S3'; Spec = 'amazon-s3' } }
    @{ Kind = 'standalone'; Source = @{ Name = 'Amazon S3'; Spec = 'amazon-s3' } }
    @{ Kind = 'embedded'; Source = @{ Name = 'the Data Landing Zone'; Spec = 'landing-zone' } }
    @{ Kind = 'standalone'; Source = @{ Name = 'the Data Landing Zone'; Spec = 'landing-zone' } }
) {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $Kind
        $dataset = New-ProfileDataset -Name "Customers $(New-TestSuffix)"
        $explore = if ($Source.Spec -eq 'amazon-s3') {
            $bucket = New-BaseConnection -Name "Bucket $(New-TestSuffix)" -ConnectionSpec amazon-s3 -Parameter @{
                s3AccessKey = 'AKIAEXAMPLE'; s3SecretKey = ConvertTo-SecureString "s3-$(New-TestSuffix)" -AsPlainText -Force
            }
            @{ BaseConnectionId = $bucket.Id }
        } else {
            @{ ConnectionSpec = 'landing-zone' }
        }
        $listed = @(Get-SourceFile @explore)
        $flowName = "Customers file $(New-TestSuffix)"
        $flow = Get-SourceFile @explore -Path /acme/customers/customers.csv |
            New-SourceConnection -FlowName $flowName |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Last_Name = 'person.name.lastName' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Once
        $run = Wait-AllFlowRun $flow | Select-Object -First 1
        $preview = (Get-SourceFile @explore -Path /acme/customers/customers.csv -Preview).Preview
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'lists the files under every folder, each piping into Get-SourceFile' {
        $listed.Path | Should -Be @('/acme/customers/customers.csv', '/acme/orders/orders-2026-12.json', '/acme/products/products.parquet')
        $listed.Type | Should -Be @('file', 'file', 'file')
    }

    It 'is a CloudStorageToAEP flow reading the file as delimited' {
        $flow.Name | Should -Be $flowName
        (Get-FlowSpec -Id $flow.FlowSpec.Id).Name | Should -Be 'CloudStorageToAEP'
        $source = Get-SourceConnection -Id $flow.SourceConnectionIds[0]
        $source.Params.Path | Should -Be '/acme/customers/customers.csv'
        $source.Data.Format | Should -Be 'delimited'
    }

    It 'lands records and reports the malformed ones with their code, message and field' {
        $run.RecordsRead | Should -BeGreaterThan 0
        $run.RecordsFailed | Should -BeGreaterThan 0 -Because 'the file carries the seeded table''s malformed emails'
        $run.RecordsWritten | Should -Be ($run.RecordsRead - $run.RecordsFailed)
        $run.Status | Should -Be 'PartialSuccess'

        $failed = @($run | Get-FailedRecord)
        $failed | Should -HaveCount $run.RecordsFailed
        $failed | ForEach-Object {
            $_.Field | Should -Be 'personalEmail.address'
            $_.Code | Should -Not -BeNullOrEmpty
            $_.Message | Should -Match 'not a valid email'
            $_.Message | Should -BeLike "*'$($_.Record.Email)'*" -Because 'the error names the value the file has'
        }
        $landed = @(Get-Dataset -Id $dataset.Id | Get-DatasetRecord -First 5)
        $landed | Should -HaveCount 5
        $withEmail = @($landed | Where-Object { $_.personalEmail })
        $withEmail | Should -Not -BeNullOrEmpty
        $withEmail | ForEach-Object { $_.personalEmail.address | Should -Match '@[^@]+\.[^@]+$' }
    }

    It 'previews rows whose malformed emails are among those the run refuses' {
        $preview | Should -Not -BeNullOrEmpty
        Get-MalformedEmail $preview | ForEach-Object { $_.Email | Should -Not -Match '@[^@]+\.[^@]+$' }
    }
}

Describe 'A minute schedule under 15 for CloudStorageToAEP, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_
        $dataset = New-ProfileDataset -Name "Minute $(New-TestSuffix)"
        $spec = Get-FlowSpec -Name CloudStorageToAEP
        $minimum = $spec.ScheduleSpec.Spec.else.then.properties.interval.minimum
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'is refused before the flow is sent, with the spec''s own minimum' {
        $minimum | Should -Be 15 -Because 'the rule comes from the flow spec''s scheduleSpec'
        $VerbosePreference = 'Continue'
        $trace = Get-SourceFile -ConnectionSpec landing-zone -Path /acme/customers/customers.csv |
            New-SourceConnection -FlowName "Every 5 minutes $(New-TestSuffix)" |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Minute -Interval 5 -ErrorVariable refused -ErrorAction SilentlyContinue 4>&1 3>$null

        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        "$($refused[0])" | Should -Match "5 is less than the minimum of $minimum"
        @($trace | Where-Object { "$_" -match '^POST /data/foundation/flowservice/flows ' }) | Should -HaveCount 0
    }
}

Describe 'A streaming flow takes 1,000 records from Import-Csv, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_ -QueuedFor ([TimeSpan]::FromSeconds(2))
        $dataset = New-ProfileDataset -Name "Signups $(New-TestSuffix)"
        $csv = Join-Path ([IO.Path]::GetTempPath()) "signups-$(New-TestSuffix).csv"
        # Every tenth signup has an address with no domain dot: the dataset's XDM schema refuses it.
        1..1000 | ForEach-Object {
            [pscustomobject]@{ email = if ($_ % 10 -eq 0) { "user$_@localhost" } else { "user$_@example.com" }; lastName = "Signup $_" }
        } | Export-Csv -Path $csv -NoTypeInformation
        $events = New-BaseConnection -Name "Web signups $(New-TestSuffix)" -ConnectionSpec http-connector -Parameter @{ dataType = 'raw' }
        $flow = New-SourceConnection -FlowName "Signups $(New-TestSuffix)" -BaseConnectionId $events.Id |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ email = 'personalEmail.address'; lastName = 'person.name.lastName' } |
            Get-FlowSpec |
            New-Dataflow
        $sent = @(Import-Csv -Path $csv | Send-StreamingRecord -FlowId $flow.Id)
        $runs = Wait-AllFlowRun $flow
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'is a flow of the HTTP API spec with a mapping, and no schedule' {
        (Get-FlowSpec -Id $flow.FlowSpec.Id).Name | Should -Be 'Steam data with transformation'
        $flow.ScheduleParams | Should -BeNullOrEmpty
        $events.Auth.Params.inletUrl | Should -Match "/collection/$($events.Auth.Params.inletId)$"
    }

    It 'sends the records in batches under the platform''s limit, each taken by the inlet' {
        ($sent | Measure-Object RecordsSent -Sum).Sum | Should -Be 1000
        $sent.Count | Should -BeGreaterThan 1 -Because 'a batch holds at most 500 records'
        ($sent | Measure-Object RecordsRejected -Sum).Sum | Should -Be 0
    }

    It 'lands the 900 good records in the dataset' {
        ($runs | Measure-Object RecordsRead -Sum).Sum | Should -Be 1000
        ($runs | Measure-Object RecordsWritten -Sum).Sum | Should -Be 900
        $landed = @(Get-Dataset -Id $dataset.Id | Get-DatasetRecord -First 20)
        $landed | Should -Not -BeNullOrEmpty
        $landed | ForEach-Object { $_.personalEmail.address | Should -Match '@example\.com$' }
    }

    It 'lists the 100 bad records with their errors' {
        $failed = @($runs | Get-FailedRecord)
        $failed | Should -HaveCount 100
        $failed | ForEach-Object {
            $_.Record.email | Should -Match '@localhost$'
            $_.Field | Should -Be 'personalEmail.address'
            $_.Message | Should -Match 'not a valid email'
        }
    }

    It 'writes an error naming each record it cannot send or the inlet refuses, and goes on' {
        $empty = @{}
        $results = @(@(@{ email = 'a@example.com' }, 'not a record', $empty) | Send-StreamingRecord -FlowId $flow.Id -ErrorVariable refused -ErrorAction SilentlyContinue)

        $results.RecordsSent | Should -Be 2 -Because 'a string is no record: it is not sent'
        $results.RecordsRejected | Should -Be 1
        $refused | Should -HaveCount 2
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'NotARecord,*'
        $refused[0].TargetObject | Should -Be 'not a record'
        $refused[1].FullyQualifiedErrorId | Should -BeLike 'StreamingRecordRejected,*'
        $refused[1].TargetObject | Should -Be $empty
        "$($refused[1])" | Should -Match 'no fields'
    }

    It 'sends nothing under -WhatIf' {
        $before = ($flow | Get-FlowRun).Count
        @{ email = 'b@example.com' } | Send-StreamingRecord -FlowId $flow.Id -WhatIf | Should -BeNullOrEmpty
        ($flow | Get-FlowRun).Count | Should -Be $before
    }
}

Describe 'A file flow as code' {
    BeforeAll {
        $dev = Connect-Platform -Emulator -Reset -Sandbox dev
        $prod = Connect-Platform -Emulator -Sandbox prod
        $folder = Join-Path ([IO.Path]::GetTempPath()) "pf-file-flows-$(New-TestSuffix)"
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($context in $dev, $prod) {
            $null = New-XdmSchema -Title 'Customers' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $context |
                New-Dataset -Name 'Customers' -Context $context
            $null = New-BaseConnection -Name 'Bucket' -ConnectionSpec amazon-s3 -Context $context -Parameter @{
                s3AccessKey = 'AKIAEXAMPLE'; s3SecretKey = ConvertTo-SecureString "s3-$(New-TestSuffix)" -AsPlainText -Force
            }
        }
        function New-DevFileFlow([string] $Name) {
            $bucket = Get-BaseConnection -Name Bucket -Context $dev
            Get-SourceFile -BaseConnectionId $bucket.Id -Path /acme/customers/customers.csv -Context $dev |
                New-SourceConnection -FlowName $Name -Context $dev |
                New-TargetConnection -DatasetId (Get-Dataset -Name Customers -Context $dev).Id -Context $dev |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -Context $dev |
                Get-FlowSpec -Context $dev |
                New-Dataflow -Frequency Day -Interval 1 -StartTime '2026-01-05T06:00:00Z' -Context $dev
        }
        $null = New-DevFileFlow -Name 'Customers file'
        $copied = New-DevFileFlow -Name 'Customers file copy'
    }

    AfterAll {
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
    }

    It 'exports, imports into the other sandbox, and finds nothing to change the second time' {
        Get-Dataflow -Name 'Customers file' -Context $dev | Export-Dataflow -Path "$folder/" -Context $dev | Out-Null
        $file = Join-Path $folder 'Customers file.json'
        (Get-Content $file -Raw | ConvertFrom-Json).source.path | Should -Be '/acme/customers/customers.csv'

        $created = Import-Dataflow -Path $file -Context $prod
        $created.Outcome | Should -Be 'Created'
        (Get-SourceConnection -Id $created.SourceConnectionId -Context $prod).Params.Path | Should -Be '/acme/customers/customers.csv'
        (Get-FlowSpec -Id (Get-Dataflow -Id $created.FlowId -Context $prod).FlowSpec.Id -Context $prod).Name | Should -Be 'CloudStorageToAEP'

        $mark = Get-EmulatorJournalMark
        $again = Import-Dataflow -Path $file -Context $prod
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Outcome | Should -Be 'Reused'
        $again.Parts.Outcome | Should -Be @('Reused', 'Reused', 'Reused', 'Reused')
    }

    It 'copies in one step, then finds nothing to change' {
        $result = $copied | Copy-Dataflow -Context $dev -DestinationContext $prod
        $result.Outcome | Should -Be 'Created'

        $mark = Get-EmulatorJournalMark
        $again = Copy-Dataflow -Id $copied.Id -Context $dev -DestinationContext $prod
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Outcome | Should -Be 'Reused'
    }
}
