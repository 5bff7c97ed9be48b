# Mapping suggestions (issue 23): Get-MappingSuggestion, calculated fields checked on sample rows, New-MappingSet -Suggest
# and Test-MappingSet taking the suggestions from the pipeline.

BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1
    $customers = @(
        @{ Email = 'mia.jensen@example.com'; Birthdate = '04/23/1990'; Phone = '+45 20 12 34 56' }
        @{ Email = 'lucas.martin@example.com'; Birthdate = '12/01/1985'; Phone = '+33 6 12 34 56 78' }
        @{ Email = 'jiwoo.kim@example.com'; Birthdate = '07/30/2001'; Phone = '+82 10 1234 5678' }
    )
}

Describe 'Get-MappingSuggestion from columns and sample rows' {
    BeforeAll {
        $suggestions = Get-MappingSuggestion -Column Email, Birthdate, Phone -SchemaId $pre.Schema.Id -Sample $customers
        $birthDate = $suggestions | Where-Object Destination -EQ 'person.birthDate'
    }

    It 'suggests a MM/dd/yyyy column into person.birthDate as a calculated field that gives a valid date on every sample row' {
        $birthDate.Source | Should -BeExactly '=format(date(Birthdate, "MM/dd/yyyy"), "yyyy-MM-dd")'
        $birthDate.CheckedRows | Should -Be 3
        $birthDate.Reason | Should -Match 'MM/dd/yyyy'

        $records = Test-MappingSet -SchemaId $pre.Schema.Id -Sample $customers -Mapping @{ $birthDate.Source = $birthDate.Destination }

        $records | Should -HaveCount 3
        $records.person.birthDate | Should -Be '1990-04-23', '1985-12-01', '2001-07-30'
        foreach ($record in $records) {
            [datetime]::ParseExact($record.person.birthDate, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture) | Should -BeOfType [datetime]
        }
    }

    It 'writes one suggestion per column, most confident first (then by column), each with a reason; email and phone columns are identity candidates' {
        $suggestions.Destination | Should -Be 'person.birthDate', 'personalEmail.address', 'mobilePhone.number'
        $suggestions.Column | Should -Be 'Birthdate', 'Email', 'Phone'
        $suggestions[0].PSTypeNames[0] | Should -Be 'PlatformFlow.Client.MappingSuggestions.MappingSuggestion'
        $suggestions | ForEach-Object { "$($_.IdentityNamespace)" } | Should -Be '', 'Email', 'Phone'
        $suggestions.Confidence | Should -Be ($suggestions.Confidence | Sort-Object -Descending)
        $suggestions | ForEach-Object { $_.Reason | Should -Not -BeNullOrEmpty }
    }

    It 'escapes a column name with a space in its calculated field, as the expression language wants it' {
        $rows = @(@{ 'Birth Date' = '04/23/1990' }, @{ 'Birth Date' = '12/01/1985' })

        $suggestion = Get-MappingSuggestion -Column 'Birth Date' -SchemaId $pre.Schema.Id -Sample $rows

        $suggestion.Source | Should -BeExactly '=format(date(${Birth Date}, "MM/dd/yyyy"), "yyyy-MM-dd")'
        $suggestion.CheckedRows | Should -Be 2
    }

    It 'removes the spaces of phone numbers with a calculated field' {
        ($suggestions | Where-Object Column -EQ Phone).Source | Should -BeExactly '=replacestr(Phone, " ", "")'
    }

    It 'proposes no date without sample rows to check how the dates are written, unless asked for less confidence' {
        Get-MappingSuggestion -Column Birthdate -SchemaId $pre.Schema.Id | Should -BeNullOrEmpty
        (Get-MappingSuggestion -Column Birthdate -SchemaId $pre.Schema.Id -MinimumConfidence 0.5).Reason | Should -Match 'no sample rows'
    }

    It 'takes more usual names from -Vocabulary' {
        Get-MappingSuggestion -Column 'Handy' -SchemaId $pre.Schema.Id | Should -BeNullOrEmpty
        (Get-MappingSuggestion -Column 'Handy' -SchemaId $pre.Schema.Id -Vocabulary @{ 'mobilePhone.number' = 'Handy', 'Handynummer' }).Destination |
            Should -Be 'mobilePhone.number'
    }

    It 'pipes into Test-MappingSet, which checks each suggestion by its Source and Destination' {
        $suggestions | Test-MappingSet | Should -Be $true, $true, $true
    }

    It 'shows confidence, source, destination and reason in its view' {
        $text = $suggestions | Out-String -Width 200
        $text | Should -Match 'Confidence\s+Source\s+Destination\s+Reason'
        $text | Should -Match 'personalEmail\.address'
    }
}

Describe 'New-MappingSet -Suggest' {
    BeforeAll {
        $flow = { New-SourceConnection -Name "Suggested $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone |
                New-TargetConnection -DatasetId $pre.Dataset.Id -SchemaId $pre.Schema.Id }
    }

    It "builds the README's tutorial mapping set from suggestions alone: the same one -Mapping builds" {
        $byHand = & $flow | New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number' }

        $suggested = & $flow | New-MappingSet -Suggest

        $suggested.Id | Should -Be $byHand.Id
        $suggested.MappingSetOutcome | Should -Be 'Reused'
        ($suggested.Mappings | ForEach-Object { "$_" } | Sort-Object) | Should -Be 'Email -> personalEmail.address', 'Phone -> mobilePhone.number'
    }

    It "maps a target connection read on its own: the source is the one of the flow that writes to it" {
        & $flow | New-MappingSet -Suggest | Get-FlowSpec -Name CRMToAEP | New-Dataflow -Frequency Once | Out-Null

        $suggestions = Get-TargetConnection -Name "Suggested $suffix target" | Get-MappingSuggestion

        $suggestions.Column | Should -Be 'Email', 'Phone'
        $suggestions.Destination | Should -Be 'personalEmail.address', 'mobilePhone.number'
    }

    It 'lets what is written by hand win over a suggestion for the same column' {
        $mappingSet = & $flow | New-MappingSet -Suggest -Mapping @{ '=lower(Email)' = 'personalEmail.address' }

        ($mappingSet.Mappings | ForEach-Object { "$_" } | Sort-Object) | Should -Be '=lower(Email) -> personalEmail.address', 'Phone -> mobilePhone.number'
    }

    It 'shows under -WhatIf which mappings were suggested and why, and creates nothing' {
        $mark = Get-EmulatorJournalMark
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "suggest-whatif-$suffix.txt"
        Start-Transcript -Path $transcript | Out-Null
        try {
            $planned = & $flow | New-MappingSet -Suggest -WhatIf
        } finally {
            Stop-Transcript | Out-Null
        }
        $plan = Get-Content $transcript -Raw
        Remove-Item $transcript

        $plan | Should -Match 'Map as suggested: Email -> personalEmail\.address \(confidence 0\.9\d: .*usual column name'
        $plan | Should -Match 'Map as suggested: Phone -> mobilePhone\.number'
        $planned.Mappings | Should -HaveCount 2
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }
}
