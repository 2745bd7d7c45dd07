"""The types every file is made of: scalars read the Vietnamese way, values stated as bounds, periods, calendars."""
