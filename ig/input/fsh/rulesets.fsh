// Shared rule sets: every code system of this IG is written the same way (English display,
// Danish designation), so the rules live here once.

RuleSet: KfTerminologyMetadata
* ^status = #active
* ^experimental = false
* ^publisher = "kf-gateway"
* ^jurisdiction = urn:iso:std:iso:3166#DK "Denmark"

RuleSet: KfCodeSystem
* insert KfTerminologyMetadata
* ^caseSensitive = true
* ^content = #complete

// Danish designation of a concept: * insert Da(#code, "dansk tekst")
RuleSet: Da(code, text)
* {code} ^designation[+].language = #da
* {code} ^designation[=].value = {text}

// Typed property values of a concept
RuleSet: IntegerProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueInteger = {value}

RuleSet: DecimalProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueDecimal = {value}

RuleSet: BooleanProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueBoolean = {value}

RuleSet: CodeProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueCode = #{value}

RuleSet: DateTimeProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueDateTime = "{value}"

RuleSet: StringProperty(code, property, value)
* {code} ^property[+].code = #{property}
* {code} ^property[=].valueString = {value}

// A value set holding every code of this IG's code system with the same id
RuleSet: AllCodesOf(system)
* insert KfTerminologyMetadata
* include codes from system {system}
